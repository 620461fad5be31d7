package uk.xborder.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.SettableClock;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * Failures as monitoring sees them, on the real gateway and a clock the test moves: europol's broker is down, so its
 * delivery fails after its retries; spoc-ie's is down too, its delivery waiting on its retry queue for an attempt ten
 * minutes away. The metrics count the failure, its age and the backlog per partner; health turns DEGRADED, naming
 * europol and since when, once the failure is older than gateway.health.partner-failing-after, and UP again once it
 * is discarded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailuresOnTheGatewayTest {

    private static final String PS = "police-scotland";
    private static final long WAIT = 30_000;

    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final HttpClient http = HttpClient.newHttpClient();
    private RunningGateway gateway;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        Path directory = TestDirectory.shipped()
                .edit("endpoint: jms:queue:gw.partner.europol.out", "endpoint: europol-broker:queue:uk.inbox")
                .edit("endpoint: jms:queue:gw.partner.spoc-ie.out", "endpoint: spoc-broker:queue:ie.inbox\n"
                        + "    retry: { maxAttempts: 5, backOff: constant, initialDelay: PT10M }")
                .write(folder);
        gateway = RunningGateway.start(Map.ofEntries(
                Map.entry("gateway.directory", directory.toString()),
                Map.entry("gateway.partner-brokers", "europol-broker,spoc-broker"),
                Map.entry("gateway.partner-broker.europol-broker.url", "tcp://127.0.0.1:1"),
                Map.entry("gateway.partner-broker.europol-broker.partner", "europol"),
                Map.entry("gateway.partner-broker.europol-broker.inbound-queue", "uk.inbox"),
                Map.entry("gateway.partner-broker.europol-broker.receipts-queue", "uk.receipts"),
                Map.entry("gateway.partner-broker.spoc-broker.url", "tcp://127.0.0.1:1"),
                Map.entry("gateway.partner-broker.spoc-broker.partner", "spoc-ie"),
                Map.entry("gateway.partner-broker.spoc-broker.inbound-queue", "ie.outbox"),
                Map.entry("gateway.partner-broker.spoc-broker.receipts-queue", "ie.receipts"),
                Map.entry("gateway.health.partner-failing-after", "PT10M")),
                Map.of("clock", clock));
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aPartnerFailingLongerThanTheSettingDegradesHealthUntilItsFailureIsDiscarded() throws Exception {
        assertThat(health().body()).contains("\"status\" : \"UP\"");

        String messageId = Examples.uniqueId("PS-IR");
        String transportId = gateway.send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        Message status = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '" + transportId
                + "' AND GwRecipient IS NULL", WAIT);
        StatusNotices.Notice notice = StatusNotices.parse(RunningGateway.bodyBytes(status));
        assertThat(notice.recipient("europol").outcome()).isEqualTo("RETRYING");
        assertThat(notice.recipient("spoc-ie").outcome()).isEqualTo("RETRYING");
        String europol = ExchangeReferences.outbound(notice.exchangeId(), "europol");
        await().atMost(Duration.ofMillis(WAIT)).until(() -> gateway.exchangeStore().exchange(europol)
                .map(exchange -> exchange.state() == ExchangeState.FAILED).orElse(false));

        // Counted at the next refresh: one failure with europol, none with spoc-ie, whose delivery waits instead.
        await().atMost(Duration.ofMillis(WAIT)).until(() -> gauge("gateway_exchanges_failed", "europol") == 1.0);
        assertThat(gauge("gateway_exchanges_failed", "spoc-ie")).isEqualTo(0.0);
        assertThat(gauge("gateway_exchanges_failed", "nca")).isEqualTo(0.0);
        assertThat(gauge("gateway_delivery_retry_backlog", "spoc-ie")).isEqualTo(1.0);
        assertThat(gauge("gateway_delivery_retry_backlog", "europol")).isEqualTo(0.0);
        assertThat(metric("gateway_deadletters_waiting", null)).isEqualTo(0.0);
        // The clock stands still: the failure is as old as it is now, below the setting.
        HttpResponse<String> early = health();
        assertThat(early.statusCode()).isEqualTo(200);
        assertThat(early.body()).contains("\"status\" : \"UP\"").doesNotContain("europol");

        clock.advance(Duration.ofMinutes(11));
        assertThat(gauge("gateway_exchanges_failed_oldest_seconds", "europol")).isBetween(660.0, 661.0);
        HttpResponse<String> degraded = health();
        assertThat(degraded.statusCode()).as("DEGRADED is still 200").isEqualTo(200);
        assertThat(degraded.body()).contains("\"status\" : \"DEGRADED\"", "\"partner\" : \"europol\"",
                "\"failingSince\" : \"" + gateway.exchangeStore().exchange(europol).orElseThrow().failedSince(),
                "\"failedExchanges\" : 1", "\"failingAfter\" : \"PT10M\"")
                .doesNotContain("spoc-ie", messageId, notice.exchangeId());

        // An operator discards it: UP again, at the next refresh.
        assertThat(gateway.exchangeStore().compareAndSet(europol, ExchangeState.FAILED, ExchangeState.DISCARDED,
                "Discarded: europol's broker is being replaced")).isTrue();
        await().atMost(Duration.ofMillis(WAIT)).until(() -> health().body().contains("\"status\" : \"UP\""));
        assertThat(gauge("gateway_exchanges_failed", "europol")).isEqualTo(0.0);
        assertThat(gauge("gateway_exchanges_failed_oldest_seconds", "europol")).isEqualTo(0.0);
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/observe/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private double gauge(String name, String partner) throws Exception {
        return metric(name, partner);
    }

    private double metric(String name, String partner) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/observe/metrics")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Pattern line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$");
        Matcher matcher = line.matcher(body);
        while (matcher.find()) {
            if (partner == null || matcher.group(1).contains("partner=\"" + partner + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        Matcher plain = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(body);
        if (partner == null && plain.find()) {
            return Double.parseDouble(plain.group(1));
        }
        throw new AssertionError("no " + name + " for " + partner + " in the metrics");
    }
}
