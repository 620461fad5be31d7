package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.DirectoryListing;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.GeneratedBody;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * Each queue's limit is applied to what the message says of its size before its body is read: a text by its number
 * of characters (then by its UTF-8 length), a bytes message by its declared length. What is over the limit is
 * refused and kept on gw.rejected as it came (what is too large to read, from a spool file deleted afterwards).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizedBodiesTest {

    private static final String PS = "police-scotland";
    private static final int AGENCY_LIMIT = 10 * 1024 * 1024;
    private static final int ENVELOPE_LIMIT = 23_134_208;
    private static final int RECEIPT_LIMIT = 1024 * 1024;
    private static final long WAIT = 30_000;

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @AfterEach
    void nothingIsLeftInTheSpool() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(DirectoryListing.of(
                GATEWAY.get().dataDirectory().resolve("spool"))).as("spool files left").isEmpty());
    }

    @Test
    void aTextWithMoreCharactersThanTheLimitHasBytesIsRefusedBeforeItIsEncodedAndKeptAsItsUtf8() throws Exception {
        String text = "x".repeat(AGENCY_LIMIT + 1);
        String transportId = GATEWAY.get().send(PS, text);

        StatusNotices.Notice notice = notice(transportId);
        assertThat(notice.reasonCode()).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(notice.explanation()).contains((AGENCY_LIMIT + 1) + " bytes");
        Message kept = kept(transportId, "MESSAGE_TOO_LARGE");
        assertThat(kept).isInstanceOf(BytesMessage.class);
        assertThat(Digests.sha256Hex(RunningGateway.bodyBytes(kept)))
                .isEqualTo(Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTextWithinTheLimitInCharactersButNotInUtf8IsRefusedAndKeptAsText() throws Exception {
        // three bytes of UTF-8 each
        String text = "\u20ac".repeat(4 * 1024 * 1024);
        String transportId = GATEWAY.get().send(PS, text);

        StatusNotices.Notice notice = notice(transportId);
        assertThat(notice.reasonCode()).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(notice.explanation()).contains(3 * 4 * 1024 * 1024 + " bytes");
        Message kept = kept(transportId, "MESSAGE_TOO_LARGE");
        assertThat(kept).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) kept).getText()).isEqualTo(text);
    }

    /** An envelope over gateway.inbound.max-envelope-bytes, a receipt over the 1 MiB no receipt comes near. */
    @ParameterizedTest
    @CsvSource({"gw.inbound, " + ENVELOPE_LIMIT + ", MESSAGE_TOO_LARGE",
                "gw.receipts, " + RECEIPT_LIMIT + ", MALFORMED_RECEIPT"})
    void aPartnersMessageOverItsLimitIsRefusedFromItsLengthAndKeptWhole(String queue, long limit, String reason)
            throws Exception {
        BrokerClient partner = GATEWAY.get().client("europol");
        long length = limit + 1;
        String transportId = partner.send(queue, GeneratedBody.bytesMessage(partner, length));

        Message kept = kept(transportId, reason);
        assertThat(kept.getStringProperty("GwExplanation")).contains(length + " bytes").contains(Long.toString(limit));
        assertThat(Digests.sha256Hex(RunningGateway.bodyBytes(kept))).isEqualTo(GeneratedBody.sha256(length));
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
