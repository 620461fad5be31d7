package uk.xborder.gateway.exchange.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;

/** The stored form of a dead letter reads back exactly, refuses what it did not write, and shows no content. */
class DeadLetterContentTest {

    @Test
    void everyPropertyTypeTheBodyAndTheHeadersReadBackExactly() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("GwMessageId", "PS-1");
        properties.put("flag", true);
        properties.put("b", (byte) 7);
        properties.put("s", (short) -3);
        properties.put("GwAttempt", 2);
        properties.put("l", Long.MAX_VALUE);
        properties.put("f", 1.5f);
        properties.put("d", -2.25d);
        properties.put("unicode", "Garda S\u00edoch\u00e1na");
        DeadLetterContent letter = new DeadLetterContent(Optional.of("gw.retry.europol"), false,
                Optional.of("corr-1"), Optional.empty(), properties, new byte[] {0, 1, 2, (byte) 0xff});

        DeadLetterContent read = DeadLetterContent.decode(letter.encode());

        assertThat(read.originalAddress()).contains("gw.retry.europol");
        assertThat(read.text()).isFalse();
        assertThat(read.correlationId()).contains("corr-1");
        assertThat(read.jmsType()).isEmpty();
        assertThat(read.properties()).containsExactlyEntriesOf(properties);
        assertThat(read.body()).containsExactly(0, 1, 2, 0xff);
        assertThat(read.toString()).doesNotContain("PS-1", "corr-1");
    }

    @Test
    void bytesItDidNotWriteAreRefusedNamingWhatIsWrong() {
        byte[] good = new DeadLetterContent(Optional.empty(), true, Optional.empty(), Optional.empty(), Map.of(),
                "<a/>".getBytes(StandardCharsets.UTF_8)).encode();

        assertThatThrownBy(() -> DeadLetterContent.decode("<a/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown layout");
        assertThatThrownBy(() -> DeadLetterContent.decode(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> DeadLetterContent.decode(Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytes after its body");
    }

    @Test
    void aDeadLetterFromAnAgencysOutboundQueueIsNotResentAsTheGateway() {
        DeadLetterContent letter = new DeadLetterContent(Optional.of("gw.agency.police-scotland.out"), true,
                Optional.empty(), Optional.empty(), Map.of(), "<report/>".getBytes(StandardCharsets.UTF_8));
        StoredExchange exchange = new StoredExchange("ref-1", Direction.OUTBOUND, "x-1", "police-scotland", null,
                null, null, "ID:1", ExchangeState.FAILED, "DEAD_LETTER", "parked", Instant.EPOCH, Instant.EPOCH,
                Instant.EPOCH, 0, 0, "node");
        // refused before it connects: nothing listens on this in-VM id
        DeadLetterResend resend = new DeadLetterResend(
                new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("vm://424242"));

        assertThatThrownBy(() -> resend.resend(exchange, new OpenedContent("ref-1", ContentKind.DEAD_LETTER, "k",
                letter.encode()))).isInstanceOf(ResendRefusedException.class)
                .hasMessageContaining("SENDER_NOT_AUTHENTICATED");
        assertThatThrownBy(() -> resend.resend(exchange, new OpenedContent("ref-1", ContentKind.SEALED_ENVELOPE, "k",
                letter.encode()))).isInstanceOf(ResendRefusedException.class).hasMessageContaining("not a dead letter");
    }
}
