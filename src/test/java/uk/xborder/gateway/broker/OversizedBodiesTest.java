package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.GeneratedBody;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * Each queue's limit is applied to what the message says of its size before its body is read: a text by its number
 * of characters (then by its UTF-8 length), a bytes message by its declared length. What is over the limit is
 * refused with its exact length and SHA-256, measured as it streams past, and kept nowhere: the exchange store
 * records it REJECTED without content, gw.rejected gets a notice with its reference and no content, and nothing of it
 * is written under the data directory outside the broker journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizedBodiesTest {

    private static final String PS = "police-scotland";
    private static final int AGENCY_LIMIT = 10 * 1024 * 1024;
    private static final int ENVELOPE_LIMIT = 23_134_208;
    private static final int RECEIPT_LIMIT = 1024 * 1024;
    private static final long WAIT = 30_000;
    private static final int STRETCH = 64 * 1024;

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    /** 64 KiB from the start of each body these tests send, as the bytes a file holding it in clear would have. */
    private static final List<String> STRETCHES = List.of(
            "x".repeat(STRETCH),
            latin1(("\u20ac".repeat(STRETCH / 3)).getBytes(StandardCharsets.UTF_8)),
            latin1(generated(STRETCH)));

    @AfterEach
    void nothingOfTheBodyIsWrittenOutsideTheBrokerJournal() throws Exception {
        Path data = GATEWAY.get().dataDirectory();
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(file -> !data.relativize(file).startsWith("broker"))::iterator) {
                String bytes = latin1(read(file));
                if (STRETCHES.stream().anyMatch(bytes::contains)) {
                    holding.add(file);
                }
            }
        }
        assertThat(holding).as("files outside the broker journal holding a refused body in clear").isEmpty();
    }

    @Test
    void aTextWithMoreCharactersThanTheLimitHasBytesIsRefusedBeforeItIsEncodedWithItsUtf8LengthAndDigest()
            throws Exception {
        String text = "x".repeat(AGENCY_LIMIT + 1);
        String transportId = GATEWAY.get().send(PS, text);

        StatusNotices.Notice notice = notice(transportId);
        assertThat(notice.reasonCode()).isEqualTo("MESSAGE_TOO_LARGE");
        String sha256 = Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
        assertThat(notice.explanation()).contains((AGENCY_LIMIT + 1) + " bytes").contains(sha256)
                .contains("cannot be replayed");
        assertRecordedWithoutContent(kept(transportId, "MESSAGE_TOO_LARGE"), (AGENCY_LIMIT + 1) + " bytes", sha256);
    }

    @Test
    void aTextWithinTheLimitInCharactersButNotInUtf8IsRefusedWithItsUtf8LengthAndDigest() throws Exception {
        // three bytes of UTF-8 each
        String text = "\u20ac".repeat(4 * 1024 * 1024);
        String transportId = GATEWAY.get().send(PS, text);

        StatusNotices.Notice notice = notice(transportId);
        assertThat(notice.reasonCode()).isEqualTo("MESSAGE_TOO_LARGE");
        String sha256 = Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
        assertThat(notice.explanation()).contains(3 * 4 * 1024 * 1024 + " bytes").contains(sha256);
        assertRecordedWithoutContent(kept(transportId, "MESSAGE_TOO_LARGE"), 3 * 4 * 1024 * 1024 + " bytes", sha256);
    }

    /** An envelope over gateway.inbound.max-envelope-bytes, a receipt over the 1 MiB no receipt comes near. */
    @ParameterizedTest
    @CsvSource({"gw.inbound, " + ENVELOPE_LIMIT + ", MESSAGE_TOO_LARGE",
                "gw.receipts, " + RECEIPT_LIMIT + ", MALFORMED_RECEIPT"})
    void aPartnersMessageOverItsLimitIsRefusedFromItsLengthWithItsDigestAndNotKept(String queue, long limit,
                                                                                    String reason) throws Exception {
        BrokerClient partner = GATEWAY.get().client("europol");
        long length = limit + 1;
        String transportId = partner.send(queue, GeneratedBody.bytesMessage(partner, length));

        Message kept = kept(transportId, reason);
        assertThat(kept.getStringProperty("GwExplanation")).contains(length + " bytes").contains(Long.toString(limit));
        assertRecordedWithoutContent(kept, length + " bytes", GeneratedBody.sha256(length));
    }

    /**
     * The notice on gw.rejected names the exchange and carries no content; the store has the exchange REJECTED for
     * the notice's reason, with the body's length and SHA-256 in its explanation, and keeps nothing of it.
     */
    private static void assertRecordedWithoutContent(Message notice, String length, String sha256) throws Exception {
        StoredExchange recorded = GATEWAY.get().heldWithoutContent(notice);
        assertThat(recorded.state()).isEqualTo(ExchangeState.REJECTED);
        assertThat(recorded.reasonCode()).isEqualTo(notice.getStringProperty("GwReasonCode"));
        assertThat(recorded.explanation()).contains(length).contains("SHA-256 " + sha256);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // gone meanwhile (a database's temporary file)
        }
    }

    private static byte[] generated(int length) {
        try (InputStream body = GeneratedBody.stream(length)) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static StatusNotices.Notice notice(String transportId) throws Exception {
        Message status = GATEWAY.get().receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("a status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static Message kept(String transportId, String reason) throws Exception {
        Message kept = GATEWAY.get().receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(kept).as("kept on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo(reason);
        return kept;
    }
}
