package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.testsupport.ApiCalls;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * A recipient the directory refused, replayed once the directory is fixed: the SPOC is accredited to
 * CONFIDENTIEL-UE only, so a SECRET report goes to Europol and the NCA and is refused for it; the gateway is stopped,
 * the SPOC's accreditation raised, the gateway started again on the same data directory; the operator replays the
 * refused recipient's exchange through the API, and the agency's original goes through validation and policy again,
 * for the SPOC alone: the SPOC receives it once, Europol and the NCA nothing more, and the replayed exchange's trail
 * says who replayed it and why. A replay that policy still refuses is refused again, and can be replayed again.
 */
class RefusedRecipientReplayTest {

    private static final String PS = "police-scotland";
    private static final String WHY = "Ticket 4711: spoc-ie now accredited to SECRET-UE";
    private static final String ACCREDITED = "highestMarking: { scheme: EU, level: CONFIDENTIEL-UE }";
    private static final String RAISED = "highestMarking: { scheme: EU, level: SECRET-UE }";
    private static final long WAIT = 30_000;

    @TempDir
    Path folder;

    @Test
    void aRecipientRefusedByTheDirectoryIsReplayedAfterTheFixThroughPolicyAgainAndReceivesItOnce() throws Exception {
        Path directory = TestDirectory.shipped().write(folder);
        String shipped = Files.readString(directory);
        assertThat(shipped).contains(ACCREDITED);
        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.directory", directory.toString()))) {
            String messageId = Examples.uniqueId("PS-IR");
            String transportId = gateway.send(PS, Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                    .replace("<Marking>([^<]+)</Marking>", "SECRET").xml());
            StatusNotices.Notice notice = status(gateway, transportId);
            assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
            assertThat(notice.recipient("spoc-ie").reasonCode()).isEqualTo("MARKING_ABOVE_ACCREDITATION");
            assertThat(received(gateway, "europol", messageId)).as("europol's envelope").isNotNull();
            assertThat(received(gateway, "nca", messageId)).as("nca's envelope").isNotNull();
            assertThat(gateway.browse("gw.partner.spoc-ie.out")).noneMatch(m -> messageIdOf(m).equals(messageId));

            ApiCalls api = new ApiCalls(gateway);
            JsonNode listed = api.read("/api/v1/exchanges?partner=spoc-ie&state=REJECTED&messageId=" + messageId,
                    "operator");
            assertThat(listed.path("total").asLong()).isEqualTo(1);
            String reference = listed.path("exchanges").get(0).path("reference").asText();
            assertThat(listed.path("exchanges").get(0).path("reasonCode").asText())
                    .isEqualTo("MARKING_ABOVE_ACCREDITATION");

            // Replayed before the fix, policy refuses it again: a new refusal, for the SPOC alone, nothing sent.
            HttpResponse<String> tooEarly = api.post("/api/v1/exchanges/" + reference + "/replay", "operator", WHY,
                    "{\"reason\": \"try before the directory change\"}");
            assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(200);
            StatusNotices.Notice refusedAgain = statusOf(gateway, replayExchangeId(api.json(tooEarly)));
            assertThat(refusedAgain.messageId()).isEqualTo(messageId);
            assertThat(refusedAgain.recipients().keySet()).containsExactly("spoc-ie");
            assertThat(refusedAgain.recipient("spoc-ie").reasonCode()).isEqualTo("MARKING_ABOVE_ACCREDITATION");

            // The directory is fixed, and the gateway restarted with it on the same data directory.
            Files.writeString(directory, shipped.replace(ACCREDITED, RAISED));
            gateway.restart();
            api = new ApiCalls(gateway);

            JsonNode again = api.read("/api/v1/exchanges?partner=spoc-ie&state=REJECTED&messageId=" + messageId,
                    "operator");
            assertThat(again.path("total").asLong()).as("the refusal of the first replay, left to replay").isEqualTo(1);
            String second = again.path("exchanges").get(0).path("reference").asText();
            assertThat(second).isNotEqualTo(reference);
            HttpResponse<String> replayed = api.post("/api/v1/exchanges/" + second + "/replay", "operator", WHY,
                    "{\"reason\": \"" + WHY + "\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(api.json(replayed).path("outcome").asText()).isEqualTo("REPLAYED");

            String replayExchangeId = replayExchangeId(api.json(replayed));
            StatusNotices.Notice accepted = statusOf(gateway, replayExchangeId);
            assertThat(accepted.messageId()).isEqualTo(messageId);
            assertThat(accepted.outcome()).as(accepted.toString()).isEqualTo("ACCEPTED");
            assertThat(accepted.recipients().keySet()).containsExactly("spoc-ie");
            Message envelope = received(gateway, "spoc-ie", messageId);
            assertThat(envelope).as("the SPOC's envelope").isNotNull();
            // the notice goes in the same JMS transaction as the deliveries: nothing more is coming
            assertThat(gateway.browse("gw.partner.spoc-ie.out")).noneMatch(m -> messageIdOf(m).equals(messageId));
            assertThat(gateway.browse("gw.partner.europol.out")).noneMatch(m -> messageIdOf(m).equals(messageId));
            assertThat(gateway.browse("gw.partner.nca.out")).noneMatch(m -> messageIdOf(m).equals(messageId));

            StoredExchange replayedExchange = gateway.exchangeStore().exchange(second).orElseThrow();
            assertThat(replayedExchange.state()).isEqualTo(ExchangeState.REPLAYED);
            List<AuditEvent> trail = gateway.audit().forExchange(replayedExchange.exchangeId());
            assertThat(trail).filteredOn(e -> e.step().equals("REPLAY_REQUESTED")
                    && e.explanation().contains(second)).singleElement().satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("user:operator");
                        assertThat(e.justification()).isEqualTo(WHY);
                        assertThat(e.explanation()).contains("validation and policy again");
                    });
            List<AuditEvent> replayTrail = gateway.audit().forExchange(replayExchangeId);
            assertThat(replayTrail).extracting(AuditEvent::step)
                    .contains("SENDER_VERIFIED", "SCHEMA_VALID", "AUTHORISED", "DELIVERED");
            assertThat(replayTrail).filteredOn(e -> e.step().equals("SENDER_VERIFIED")).singleElement()
                    .satisfies(e -> assertThat(e.explanation()).contains(second, "'spoc-ie' alone"));
            assertThat(replayTrail).filteredOn(e -> e.step().equals("DELIVERED")).singleElement()
                    .satisfies(e -> assertThat(e.recipients()).containsExactly("spoc-ie"));
            StoredExchange delivered = gateway.exchangeStore().forExchangeId(replayExchangeId).stream()
                    .filter(e -> "spoc-ie".equals(e.recipient())).findFirst().orElseThrow();
            assertThat(delivered.state()).isEqualTo(ExchangeState.DELIVERED);

            // The replay is over: replaying the replayed exchange again is refused, pointing at its replay.
            HttpResponse<String> twice = api.post("/api/v1/exchanges/" + second + "/replay", "operator", WHY,
                    "{\"reason\": \"again\", \"force\": true}");
            assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
            assertThat(twice.body()).contains("REPLAYED_ALREADY");
            assertThat(gateway.exchangeStore().get(second).orElseThrow().content().orElseThrow().kind())
                    .isEqualTo(ContentKind.ORIGINAL_MESSAGE);
        }
    }

    /** The exchange id the replay runs under, as its answer names it ("... as exchange <id> through ..."). */
    private static String replayExchangeId(JsonNode answer) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("as exchange ([0-9a-f-]{36})")
                .matcher(answer.path("explanation").asText());
        assertThat(id.find()).as("the replay's answer names its exchange: " + answer).isTrue();
        return id.group(1);
    }

    private static StatusNotices.Notice statusOf(RunningGateway gateway, String exchangeId) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status", "GwExchangeId = '" + exchangeId + "'", WAIT);
        assertThat(status).as("status notice of exchange " + exchangeId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static StatusNotices.Notice status(RunningGateway gateway, String transportId) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static Message received(RunningGateway gateway, String partner, String messageId) throws Exception {
        return gateway.receive("gw.partner." + partner + ".out", "GwMessageId = '" + messageId + "'", WAIT);
    }

    private static String messageIdOf(Message message) {
        try {
            String id = message.getStringProperty("GwMessageId");
            return id == null ? "" : id;
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
