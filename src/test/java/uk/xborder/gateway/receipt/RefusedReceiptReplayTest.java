package uk.xborder.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.testsupport.ApiCalls;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * A partner's receipt refused because of the gateway's own mistake, replayed once it is put right: the directory had
 * the SPOC's certificate in Europol's entry, so Europol's genuine receipt is refused as RECEIPT_SIGNER_NOT_PARTNER
 * and the exchange stays unacknowledged; the entry is corrected, the gateway restarted on the same data directory,
 * and the operator's replay of the refused receipt closes the exchange: ACKNOWLEDGED, the agency's second notice,
 * once. A second refused receipt for the delivery, closed now, is not replayed unless forced, and forced it changes
 * nothing.
 */
class RefusedReceiptReplayTest {

    private static final String WHY = "Incident 2026-77: Europol's certificate corrected in the directory";
    private static final long WAIT = 30_000;

    @TempDir
    Path folder;

    @Test
    void aReceiptRefusedForTheGatewaysOwnMistakeClosesTheExchangeOnceReplayedAfterTheFix() throws Exception {
        Path directory = TestDirectory.shipped().write(folder);
        String shipped = Files.readString(directory);
        TestDirectory.shipped().certificateOf("europol", "spoc-ie").write(folder);
        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.directory", directory.toString()))) {
            String messageId = Examples.uniqueId("PS-IR");
            String transportId = gateway.send("police-scotland", Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
            Message status = gateway.receive("gw.agency.police-scotland.status",
                    "GwTransportMessageId = '" + transportId + "'", WAIT);
            StatusNotices.Notice notice = StatusNotices.parse(RunningGateway.bodyBytes(status));
            assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
            byte[] envelope = RunningGateway.bodyBytes(gateway.receive("gw.partner.europol.out",
                    "GwMessageId = '" + messageId + "'", WAIT));
            // encrypted, by the directory's mistake, to the SPOC's certificate
            PartnerSide.Delivered delivered = new PartnerSide.Delivered(messageId, transportId, notice.exchangeId(),
                    envelope, PartnerInbox.open("spoc-ie", envelope));
            byte[] receipt = PartnerSide.signedBy("europol",
                    PartnerSide.receipt(delivered, "europol", ReceiptOutcome.DELIVERED));
            String refused = refused(gateway, PartnerSide.putOnReceiptQueue(gateway, receipt));
            String refusedToo = refused(gateway, PartnerSide.putOnReceiptQueue(gateway, receipt));
            String outbound = ExchangeReferences.outbound(notice.exchangeId(), "europol");
            assertThat(gateway.exchangeStore().exchange(outbound).orElseThrow().state())
                    .isEqualTo(ExchangeState.DELIVERED);

            Files.writeString(directory, shipped);
            gateway.restart();
            ApiCalls api = new ApiCalls(gateway);
            HttpResponse<String> replayed = api.post("/api/v1/exchanges/" + refused + "/replay", "operator", WHY,
                    "{\"reason\": \"" + WHY + "\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);

            StatusNotices.Notice second = PartnerSide.secondNotice(gateway, delivered, "europol", "ACKNOWLEDGED");
            assertThat(second.recipient("europol").outcome()).isEqualTo("ACKNOWLEDGED");
            assertThat(gateway.exchangeStore().exchange(outbound).orElseThrow().state())
                    .isEqualTo(ExchangeState.ACKNOWLEDGED);
            assertThat(gateway.exchangeStore().exchange(refused).orElseThrow().state())
                    .isEqualTo(ExchangeState.REPLAYED);
            List<AuditEvent> trail = gateway.audit().forExchange(notice.exchangeId());
            assertThat(trail).filteredOn(e -> e.step().equals("REPLAY_REQUESTED")).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("user:operator");
                assertThat(e.justification()).isEqualTo(WHY);
                assertThat(e.explanation()).contains(refused, "receipt");
            });
            assertThat(trail).filteredOn(e -> e.step().equals("ACKNOWLEDGED")).hasSize(1);

            // Once closed, the other refused receipt is not replayed unless forced; forced, it changes nothing.
            HttpResponse<String> unforced = api.post("/api/v1/exchanges/" + refusedToo + "/replay", "operator", WHY,
                    "{\"reason\": \"the other one too\"}");
            assertThat(unforced.statusCode()).as(unforced.body()).isEqualTo(409);
            assertThat(unforced.body()).contains("DELIVERED_ALREADY", "closed already");
            HttpResponse<String> forced = api.post("/api/v1/exchanges/" + refusedToo + "/replay", "operator", WHY,
                    "{\"reason\": \"the other one too\", \"force\": true}");
            assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
            await().atMost(Duration.ofMillis(WAIT)).until(() -> gateway.audit()
                    .forExchange(notice.exchangeId()).stream().anyMatch(e -> e.step().equals("RECEIPT_RECEIVED")
                            && e.explanation().contains("changes nothing")));
            assertThat(gateway.audit().forExchange(notice.exchangeId()))
                    .filteredOn(e -> e.step().equals("ACKNOWLEDGED")).hasSize(1);
            assertThat(gateway.receive("gw.agency.police-scotland.status", "GwMessageId = '" + messageId
                    + "' AND GwRecipient = 'europol'", 500)).as("no further notice").isNull();
        }
    }

    /** The receipt that went in this JMS message was refused as not Europol's: the reference it is kept under. */
    private static String refused(RunningGateway gateway, String receiptTransportId) throws Exception {
        Message kept = gateway.receive("gw.rejected", "GwTransportMessageId = '" + receiptTransportId + "'", WAIT);
        assertThat(kept).as("the refused receipt's notice").isNotNull();
        assertThat(kept.getStringProperty(GatewayHeaders.REASON_CODE)).isEqualTo("RECEIPT_SIGNER_NOT_PARTNER");
        return kept.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
    }
}
