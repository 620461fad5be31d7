package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * A body within its limit is read, and kept to replay, as its bytes; one over it is measured (exact length, SHA-256
 * of every byte) and kept nowhere, and its refusal says so. What does not come from JMS (an HTTPS request's bytes, a
 * text) is measured the same way.
 */
class ReceivedBodiesTest {

    private static final long LIMIT = 16;
    private final ReceivedBodies bodies = new ReceivedBodies();

    @Test
    void aBodyWithinTheLimitIsReadAsItsBytesAndKeptToReplay() {
        byte[] sent = "<Report>é</Report>".getBytes(StandardCharsets.UTF_8);
        ReceivedBody body = bodies.read(exchangeWith(new String(sent, StandardCharsets.UTF_8)), 64);

        assertThat(body.isRead()).isTrue();
        assertThat(body.bytes()).isEqualTo(sent);
        assertThat(body.replayable()).hasValue(sent);
        assertThat(body.digest()).isEqualTo(Digests.sha256Hex(sent));
        assertThat(body.admit("message", 64)).isEqualTo(sent);
    }

    @Test
    void aTextWithMoreCharactersThanTheLimitIsMeasuredInUtf8AndNotKept() {
        // two bytes of UTF-8 each: the exact length is twice the characters
        String text = "é".repeat((int) LIMIT + 1);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ReceivedBody body = bodies.read(exchangeWith(text), LIMIT);

        assertThat(body.isRead()).isFalse();
        assertThat(body.replayable()).isEmpty();
        assertThat(body.describedLength()).isEqualTo(utf8.length + " bytes");
        assertThat(body.digest()).isEqualTo(Digests.sha256Hex(utf8));
        assertThatThrownBy(() -> body.admit("message", LIMIT)).isInstanceOfSatisfying(
                MessageRejectedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(ReasonCode.MESSAGE_TOO_LARGE);
                    assertThat(refused.explanation()).isEqualTo("The message is " + utf8.length + " bytes (SHA-256 "
                            + Digests.sha256Hex(utf8) + "); the limit is " + LIMIT + " bytes. A message refused for"
                            + " its size is not kept, so it cannot be replayed: split or shrink it and send it again.");
                });
    }

    @Test
    void bytesOverTheLimitAreMeasuredAndNotKept() {
        byte[] sent = new byte[(int) LIMIT + 1];
        Arrays.fill(sent, (byte) 7);
        ReceivedBody body = bodies.read(exchangeWith(sent), LIMIT);

        assertThat(body.isRead()).isFalse();
        assertThat(body.replayable()).isEmpty();
        assertThat(body.measured()).isEqualTo(sent.length + " bytes (SHA-256 " + Digests.sha256Hex(sent) + ")");
    }

    @Test
    void aBodyIsReadOncePerExchangeAndAnotherBodyInHandIsReadAfresh() {
        Exchange exchange = exchangeWith("first");
        ReceivedBody first = bodies.read(exchange, LIMIT);
        assertThat(bodies.read(exchange, LIMIT)).isSameAs(first);

        exchange.getMessage().setBody("second");
        assertThat(bodies.read(exchange, LIMIT).bytes()).isEqualTo("second".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMeasuringStreamCountsAndDigestsEveryByteAndPassesOnOnlyItsBound() throws Exception {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        MeasuringOutputStream measuring = new MeasuringOutputStream(kept, 4);
        byte[] written = "longer than four".getBytes(StandardCharsets.US_ASCII);
        measuring.write(written, 0, 3);
        measuring.write(written[3]);
        measuring.write(written, 4, written.length - 4);

        assertThat(kept.toByteArray()).isEqualTo("long".getBytes(StandardCharsets.US_ASCII));
        assertThat(measuring.count()).isEqualTo(written.length);
        assertThat(measuring.beyondBound()).isTrue();
        assertThat(measuring.sha256Hex()).isEqualTo(Digests.sha256Hex(written));
    }

    @Test
    void aStreamThatGetsNoMoreThanItsBoundIsNotBeyondIt() throws Exception {
        MeasuringOutputStream measuring = new MeasuringOutputStream(new ByteArrayOutputStream(), 4);
        measuring.write(new byte[4], 0, 4);
        assertThat(measuring.beyondBound()).isFalse();
        assertThat(MeasuringOutputStream.measureOnly().beyondBound()).isFalse();
    }

    private static Exchange exchangeWith(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
