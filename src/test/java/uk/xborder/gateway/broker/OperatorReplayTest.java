package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.xborder.gateway.broker.EuropolBroker.EUROPOL_INBOX;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.testsupport.ApiCalls;
import uk.xborder.gateway.testsupport.ArtemisPerClass;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.FilesInClear;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * The night an operator is woken: Europol's broker is down, so its deliveries fail after the configured retries while
 * the other partners get theirs; the operator lists the failures through the API, Europol's broker comes back, the
 * operator replays by filter (confirming the count), and every message reaches Europol exactly once, with who
 * replayed it and why on its trail. Then the refusals, each with its own answer: unknown reference, no reason,
 * malformed filter, a filter matching nothing, too many without confirmation, a delivered exchange without force, and
 * two operators forcing the same replay at once (one wins; Europol still has it once).
 */
class OperatorReplayTest {

    /** A distinctive text of the agency's messages, to look for in the data directory. */
    private static final String IN_CLEAR_NOWHERE = "from Kx4Pq8-OSPREY-MARKER to";
    private static final String PS = "police-scotland";
    private static final String WHY = "Night shift 2026/12/02: europol endpoint restored";
    private static final long WAIT = 30_000;

    @RegisterExtension
    static final ArtemisPerClass EUROPOL_BROKER = ArtemisPerClass.notYetStarted(EuropolBroker.USER);

    @TempDir
    Path folder;

    @Test
    void failedDeliveriesAreListedReplayedByFilterAndArriveOnceWithWhoAndWhyOnTheirTrail() throws Exception {
        if (EUROPOL_BROKER.get().isRunning()) {
            EUROPOL_BROKER.get().stop();
        }
        Map<String, String> settings = new HashMap<>(EuropolBroker.settings(EUROPOL_BROKER.get(), directory()));
        settings.put("gateway.operator.max-bulk", "1");
        try (RunningGateway gateway = RunningGateway.start(settings)) {
            ApiCalls api = new ApiCalls(gateway);
            List<String> messageIds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String messageId = Examples.uniqueId("PS-IR");
                messageIds.add(messageId);
                String transportId = gateway.send(PS, Examples.policeScotlandReport()
                        .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                        .replace("from (Rotterdam) to", IN_CLEAR_NOWHERE).xml());
                // the other partners have theirs at once
                assertThat(gateway.receive("gw.partner.nca.out", "GwMessageId = '" + messageId + "'", WAIT))
                        .as("nca's envelope").isNotNull();
                StatusNotices.Notice failed = notice(gateway, transportId, "europol");
                assertThat(failed.recipient("europol").outcome()).isEqualTo("FAILED");
            }

            // The operator sees what failed, why and since when.
            JsonNode listed = api.read("/api/v1/exchanges?partner=europol&state=FAILED", "operator");
            assertThat(listed.path("total").asLong()).isEqualTo(2);
            for (JsonNode exchange : listed.path("exchanges")) {
                assertThat(exchange.path("reasonCode").asText()).isEqualTo("DELIVERY_FAILED");
                assertThat(exchange.path("failedFor").asText()).startsWith("PT");
                assertThat(exchange.path("attempts").asInt()).isEqualTo(2);
            }
            String first = listed.path("exchanges").get(0).path("reference").asText();
            JsonNode shown = api.read("/api/v1/exchanges/" + first, "operator");
            assertThat(shown.path("attempts")).hasSize(2);
            assertThat(shown.path("content").path("kind").asText()).isEqualTo("SEALED_ENVELOPE");

            // Refusals before anything is done.
            String filter = "{\"filter\": {\"partner\": \"europol\", \"state\": \"FAILED\"}, \"reason\": \"" + WHY
                    + "\"";
            assertProblem(api.post("/api/v1/exchanges/replays", "operator", WHY, filter + "}"), 409,
                    "CONFIRMATION_REQUIRED", "2 exchanges are selected");
            assertProblem(api.post("/api/v1/exchanges/replays", "operator", WHY,
                    "{\"filter\": {\"partner\": \"europol\"}}"), 400, "MISSING_REASON", "'reason'");
            assertProblem(api.post("/api/v1/exchanges/replays", "operator", WHY,
                    "{\"filter\": {\"state\": \"BROKEN\"}, \"reason\": \"x\"}"), 400, "UNKNOWN_STATE", "'state'");
            assertProblem(api.post("/api/v1/exchanges/00000000-0000-0000-0000-000000000000/replay", "operator", WHY,
                    "{\"reason\": \"x\"}"), 404, "UNKNOWN_EXCHANGE", "reference");
            HttpResponse<String> nothing = api.post("/api/v1/exchanges/replays", "operator", WHY,
                    "{\"filter\": {\"partner\": \"nobody\"}, \"reason\": \"x\"}");
            assertThat(nothing.statusCode()).isEqualTo(200);
            assertThat(api.json(nothing).path("matched").asInt()).isZero();
            assertThat(api.read("/api/v1/exchanges?partner=europol&state=FAILED", "operator").path("total").asLong())
                    .as("nothing was replayed by the refused requests").isEqualTo(2);

            // The endpoint is back; the operator replays by filter, confirming the count seen.
            EUROPOL_BROKER.get().start();
            HttpResponse<String> started = api.post("/api/v1/exchanges/replays", "operator", WHY,
                    filter + ", \"expectedCount\": 2}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String job = api.json(started).path("id").asText();
            await().atMost(Duration.ofMillis(WAIT)).until(() -> api.read("/api/v1/exchanges/replays/" + job,
                    "operator").path("finished").asBoolean());
            JsonNode progress = api.read("/api/v1/exchanges/replays/" + job, "operator");
            assertThat(progress.path("total").asInt()).isEqualTo(2);
            assertThat(progress.path("done").asInt()).isEqualTo(2);
            assertThat(progress.path("outcomes").path("REPLAYED").asInt()).isEqualTo(2);

            for (String messageId : messageIds) {
                Message envelope = EUROPOL_BROKER.get().receive(EUROPOL_INBOX, selector(messageId), WAIT);
                assertThat(envelope).as("europol's envelope of " + messageId).isNotNull();
            }
            for (JsonNode exchange : listed.path("exchanges")) {
                String reference = exchange.path("reference").asText();
                await().atMost(Duration.ofMillis(WAIT)).until(() -> gateway.exchangeStore().exchange(reference)
                        .orElseThrow().state() == ExchangeState.DELIVERED);
                List<AuditEvent> trail = gateway.audit().forExchange(exchange.path("exchangeId").asText());
                assertThat(trail).filteredOn(e -> e.step().equals("REPLAY_REQUESTED")).singleElement()
                        .satisfies(e -> {
                            assertThat(e.actor()).isEqualTo("user:operator");
                            assertThat(e.justification()).isEqualTo(WHY);
                            assertThat(e.explanation()).contains(reference, "sealed envelope");
                        });
                assertThat(trail).filteredOn(e -> e.step().equals("DELIVERED")
                        && e.recipients().equals(List.of("europol"))).hasSize(1);
            }

            // A delivered exchange is not replayed unless forced...
            assertProblem(api.post("/api/v1/exchanges/" + first + "/replay", "operator", WHY,
                    "{\"reason\": \"again\"}"), 409, "DELIVERED_ALREADY", "force");
            // ...and of two operators forcing it at once, exactly one replays it.
            List<Integer> statuses = together(() -> api.post("/api/v1/exchanges/" + first + "/replay", "operator",
                    WHY, "{\"reason\": \"check the partner has it\", \"force\": true}").statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            await().atMost(Duration.ofMillis(WAIT)).until(() -> gateway.exchangeStore().exchange(first)
                    .orElseThrow().state() == ExchangeState.DELIVERED);
            String firstMessageId = shown.path("exchange").path("messageId").asText();
            // the forced replay reached Europol's broker with the same duplicate-detection id: dropped there
            assertThat(EUROPOL_BROKER.get().browse(EUROPOL_INBOX, selector(firstMessageId))).isEmpty();
            assertThat(gateway.audit().forExchange(shown.path("exchange").path("exchangeId").asText()))
                    .filteredOn(e -> e.step().equals("REPLAY_REQUESTED")).hasSize(2);

            // After failures, retries, replays and a forced replay, the agency's text is in clear in no file of the
            // data directory outside the broker's journal (the store keeps only the sealed envelopes).
            assertThat(FilesInClear.outsideTheBrokerJournal(gateway.dataDirectory(), IN_CLEAR_NOWHERE))
                    .as("files holding the agency's text in clear").isEmpty();
        }
    }

    private static List<Integer> together(Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return call.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String says)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"" + code + "\"", says);
    }

    /** europol on its broker, two attempts a second apart. */
    private Path directory() throws Exception {
        return TestDirectory.shipped().edit("endpoint: jms:queue:gw.partner.europol.out",
                "endpoint: " + EuropolBroker.NAME + ":queue:" + EUROPOL_INBOX + "\n"
                        + "    receipts: " + EuropolBroker.NAME + ":queue:" + EuropolBroker.EUROPOL_RECEIPTS + "\n"
                        + "    retry: { maxAttempts: 2, backOff: constant, initialDelay: PT1S }")
                .write(folder);
    }

    private static StatusNotices.Notice notice(RunningGateway gateway, String transportId, String partner)
            throws Exception {
        String selector = "GwTransportMessageId = '" + transportId + "' AND GwRecipient = '" + partner + "'";
        Message status = gateway.receive("gw.agency." + PS + ".status", selector, WAIT);
        assertThat(status).as("status notice " + selector).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static String selector(String messageId) {
        return "GwMessageId = '" + messageId + "'";
    }
}
