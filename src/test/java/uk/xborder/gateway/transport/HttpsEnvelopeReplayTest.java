package uk.xborder.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLParameters;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.exchange.ExchangeQuery;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.inbound.ReceivedHooks;
import uk.xborder.gateway.inbound.ReceivedMessage;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.testsupport.ApiCalls;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;
import uk.xborder.gateway.testsupport.Receipts;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * The replay of an envelope from a partner on HTTPS, whose receipt belonged in the answer to its request: the
 * envelope POSTed by Europol is refused (a restriction the gateway could not honour yet), the operator replays it
 * once that is put right, and the agency has it once; nothing is pushed to Europol, whose URL takes envelopes, not
 * receipts. The DELIVERED receipt is on record instead, and Europol's next POST of the same envelope is answered
 * with it and not delivered again.
 */
class HttpsEnvelopeReplayTest {

    private static final String AGENCY_IN = "gw.agency.police-scotland.in";
    private static final long WAIT = 30_000;

    @TempDir
    Path folder;

    @Test
    void theReplayOfAnHttpsPartnersEnvelopeKeepsItsReceiptForThePartnersNextSend() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        AtomicBoolean restricted = new AtomicBoolean(true);
        ReceivedHooks restriction = new ReceivedHooks() {
            @Override
            public void beforeDelivery(ReceivedMessage message) {
                if (restricted.get() && message.facts().messageId().equals(hit.messageId())) {
                    throw new MessageRejectedException(ReasonCode.ONWARD_DISSEMINATION_FORBIDDEN,
                            "The provider's restriction cannot be recorded yet.");
                }
            }
        };
        int port = RunningGateway.freePort();
        Path directory = TestDirectory.shipped().edit("endpoint: jms:queue:gw.partner.europol.out",
                "endpoint: https://127.0.0.1:" + RunningGateway.freePort() + "/exchange/v1/envelopes").write(folder);
        Map<String, String> settings = Map.of(
                "gateway.directory", directory.toString(),
                "gateway.https.enabled", "true",
                "gateway.https.port", Integer.toString(port),
                "gateway.https.certificate", ExampleTls.certs("police-scotland/tls/cert.pem").toString(),
                "gateway.https.key", ExampleTls.certs("police-scotland/tls/key.pem").toString());
        try (RunningGateway gateway = RunningGateway.start(settings, Map.of("receivedHooks", restriction))) {
            byte[] envelope = hit.build();
            HttpResponse<byte[]> first = post(port, envelope);
            assertThat(first.statusCode()).isEqualTo(200);
            DeliveryReceipt refusal = Receipts.open(first.body()).receipt();
            assertThat(refusal.getOutcome()).isEqualTo(ReceiptOutcome.REFUSED);
            assertThat(refusal.getReasonCode().value()).isEqualTo("ONWARD_DISSEMINATION_FORBIDDEN");
            ApiCalls api = new ApiCalls(gateway);
            String reference = api.read("/api/v1/exchanges?direction=INBOUND&state=REJECTED&messageId="
                    + hit.messageId(), "operator").path("exchanges").get(0).path("reference").asText();

            restricted.set(false);
            HttpResponse<String> replayed = api.post("/api/v1/exchanges/" + reference + "/replay", "operator",
                    "Change 2026-120: restrictions recorded again", "{\"reason\": \"restriction store mended\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", WAIT))
                    .as("the agency's copy").isNotNull();
            StoredExchange replay = gateway.exchangeStore().find(ExchangeQuery.all()
                            .messageId(hit.messageId()).states(ExchangeState.DELIVERED)).exchanges().get(0);
            List<AuditEvent> trail = gateway.audit().forExchange(replay.exchangeId());
            assertThat(trail).filteredOn(e -> e.step().equals("RECEIPT_ISSUED")).singleElement()
                    .satisfies(e -> assertThat(e.explanation()).contains("kept on record", hit.messageId()));
            // nothing was pushed: an HTTPS partner has no receipt endpoint, and the event says the receipt is kept

            // Europol, with a REFUSED receipt, sends the envelope again: it gets the DELIVERED receipt on record.
            HttpResponse<byte[]> again = post(port, envelope);
            assertThat(again.statusCode()).isEqualTo(200);
            DeliveryReceipt delivered = Receipts.open(again.body()).receipt();
            assertThat(delivered.getOutcome()).isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(delivered.getMessageId()).isEqualTo(hit.messageId());
            assertThat(post(port, envelope).body()).as("the same bytes each time").isEqualTo(again.body());
            assertThat(gateway.browse(AGENCY_IN)).noneMatch(m -> property(m, "GwMessageId").equals(hit.messageId()));
        }
    }

    private static HttpResponse<byte[]> post(int port, byte[] envelope) throws Exception {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        HttpClient client = HttpClient.newBuilder()
                .sslContext(ExampleTls.context(ExampleTls.tlsKey("europol"), "uk-root-ca"))
                .sslParameters(parameters).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
                        + "/exchange/v1/envelopes")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).timeout(Duration.ofSeconds(20)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String property(Message message, String name) {
        try {
            return String.valueOf(message.getStringProperty(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
