package uk.xborder.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.exchange.AttemptOutcome;
import uk.xborder.gateway.exchange.ExchangeDetail;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * A partner whose endpoint is down, or hangs, holds up nobody else: not the agency's queue (its retries happen off
 * the agency's consumer thread) and not another partner's retries (each partner has its own retry queue and
 * consumers). Through the running gateway, with real HTTPS endpoints on the loopback.
 */
class DeliveryRetriesTest {

    private static final String PS = "police-scotland";
    private static final long WAIT = 20_000;

    @TempDir
    Path dir;

    @Test
    void aPartnerThatIsDownDelaysNoOtherPartnerAndItsExchangesFailAfterExactlyTheConfiguredAttempts()
            throws Exception {
        int closed = RunningGateway.freePort();
        String europolDown = "https://localhost:" + closed + "/exchange/v1/envelopes";
        // Long enough that the 20 messages are all through the agency's queue before any retry is due.
        Duration backOff = Duration.ofSeconds(20);
        Path directory = TestDirectory.shipped().edit("endpoint: jms:queue:gw.partner.europol.out",
                "endpoint: " + europolDown + "\n    retry: { maxAttempts: 3, backOff: constant, initialDelay: "
                        + backOff + " }").write(dir);
        try (RunningGateway gateway = RunningGateway.start(httpsSettings(directory, Map.of()))) {
            long start = System.nanoTime();
            List<String> messageIds = new ArrayList<>();
            Map<String, String> transportIds = new HashMap<>();
            for (int i = 0; i < 20; i++) {
                String messageId = Examples.uniqueId("PS-IR");
                messageIds.add(messageId);
                transportIds.put(messageId, gateway.send(PS, Examples.policeScotlandReport()
                        .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml()));
            }
            for (String messageId : messageIds) {
                assertThat(gateway.receive("gw.partner.nca.out", "GwMessageId = '" + messageId + "'", WAIT))
                        .as("nca's envelope for " + messageId).isNotNull();
            }
            Duration allOfNcas = Duration.ofNanos(System.nanoTime() - start);
            // The first retry of europol's first message cannot be due before start + backOff: nca had all 20 by
            // then, so none of them waited for europol's retries.
            assertThat(allOfNcas).isLessThan(backOff);

            Map<String, String> exchangeIds = new HashMap<>();
            for (String messageId : messageIds) {
                StatusNotices.Notice first = notice(gateway, transportIds.get(messageId), null);
                assertThat(first.outcome()).isEqualTo("ACCEPTED");
                assertThat(first.recipient("europol").outcome()).isEqualTo("RETRYING");
                assertThat(first.recipient("europol").explanation()).contains("connection-refused",
                        "attempt 2 of 3");
                assertThat(first.recipient("nca").outcome()).isEqualTo("ACCEPTED");
                assertThat(first.recipient("spoc-ie").outcome()).isEqualTo("ACCEPTED");
                exchangeIds.put(messageId, first.exchangeId());
            }
            // No retry has been made in place: one attempt each so far.
            for (String exchangeId : exchangeIds.values()) {
                assertThat(attemptsFailed(gateway, exchangeId, "europol")).hasSize(1);
            }

            for (String messageId : messageIds) {
                StatusNotices.Notice second = notice(gateway, transportIds.get(messageId), "europol",
                        backOff.multipliedBy(3).toMillis());
                assertThat(second.outcome()).isEqualTo("FAILED");
                assertThat(second.recipient("europol").outcome()).isEqualTo("FAILED");
                assertThat(second.recipient("europol").reasonCode()).isEqualTo("DELIVERY_FAILED");
                assertThat(second.recipient("europol").explanation()).contains("each of its 3 attempts");
                String exchangeId = exchangeIds.get(messageId);
                // Exactly the configured attempts, each audited with the endpoint and the kind of failure.
                List<AuditEvent> attempts = attemptsFailed(gateway, exchangeId, "europol");
                assertThat(attempts).hasSize(3).allSatisfy(event -> assertThat(event.explanation())
                        .contains(europolDown, "connection-refused (transient)"));
                assertThat(events(gateway, exchangeId, "RELEASED", "europol")).hasSize(3);
                assertThat(events(gateway, exchangeId, "DELIVERY_FAILED", "europol")).singleElement()
                        .satisfies(event -> assertThat(event.reason()).isEqualTo("DELIVERY_FAILED"));
                assertThat(events(gateway, exchangeId, "DELIVERED", "europol")).isEmpty();
                Message held = gateway.receive("gw.failed", "GwMessageId = '" + messageId + "'", WAIT);
                assertThat(held).as("europol's envelope held").isNotNull();
                assertThat(held.getStringProperty("GwRecipient")).isEqualTo("europol");
                // The exchange store has the same story: FAILED after the three attempts, with the sealed envelope
                // that was offered at each, ready to replay.
                ExchangeDetail stored = gateway.exchangeStore()
                        .get(held.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE)).orElseThrow();
                assertThat(stored.exchange().state()).isEqualTo(ExchangeState.FAILED);
                assertThat(stored.exchange().reasonCode()).isEqualTo("DELIVERY_FAILED");
                assertThat(stored.attempts()).hasSize(3)
                        .allSatisfy(attempt -> assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.FAILED))
                        .allSatisfy(attempt -> assertThat(attempt.endpoint()).isEqualTo(europolDown));
                assertThat(events(gateway, exchangeId, "RELEASED", "europol"))
                        .extracting(AuditEvent::payloadDigest)
                        .containsOnly(Digests.sha256Hex(gateway.heldContent(held)));
            }
        }
    }

    @Test
    void aPartnerWhoseEndpointHangsDoesNotDelayAnotherPartnersRetries() throws Exception {
        // spoc-ie's endpoint takes every POST and never answers: each attempt holds its consumer for the whole
        // timeout. europol's endpoint is down. Each has one retry consumer, so had they shared one, europol's
        // attempts would wait behind spoc-ie's timeouts.
        try (PartnerHttpsServer hanging = new PartnerHttpsServer(ExampleTls.tlsKey("europol"))) {
            hanging.answerNothing();
            int closed = RunningGateway.freePort();
            String retry = "\n    retry: { maxAttempts: 3, backOff: constant, initialDelay: PT1S }";
            Path directory = TestDirectory.shipped()
                    .edit("endpoint: jms:queue:gw.partner.europol.out", "endpoint: https://localhost:" + closed
                            + "/exchange/v1/envelopes" + retry)
                    .edit("endpoint: jms:queue:gw.partner.spoc-ie.out", "endpoint: " + hanging.url() + retry)
                    .write(dir);
            Duration timeout = Duration.ofSeconds(3);
            try (RunningGateway gateway = RunningGateway.start(httpsSettings(directory, Map.of(
                    "gateway.https.timeout-ms", Long.toString(timeout.toMillis()),
                    "gateway.delivery.retry-consumers-per-partner", "1")))) {
                List<String> transportIds = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    transportIds.add(gateway.send(PS, Examples.policeScotlandReport()
                            .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR")).xml()));
                }
                for (String transportId : transportIds) {
                    StatusNotices.Notice first = notice(gateway, transportId, null);
                    assertThat(first.recipient("europol").outcome()).isEqualTo("RETRYING");
                    assertThat(first.recipient("spoc-ie").outcome()).isEqualTo("RETRYING");
                    assertThat(first.recipient("spoc-ie").explanation()).contains("timeout");
                    StatusNotices.Notice europolFailed = notice(gateway, transportId, "europol", 30_000);
                    assertThat(europolFailed.recipient("europol").outcome()).isEqualTo("FAILED");
                    StatusNotices.Notice spocFailed = notice(gateway, transportId, "spoc-ie", 60_000);
                    assertThat(spocFailed.recipient("spoc-ie").outcome()).isEqualTo("FAILED");

                    List<Instant> europol = times(attemptsFailed(gateway, first.exchangeId(), "europol"));
                    List<Instant> spoc = times(attemptsFailed(gateway, first.exchangeId(), "spoc-ie"));
                    assertThat(europol).hasSize(3);
                    assertThat(spoc).hasSize(3);
                    // spoc-ie's attempts on its retry queue are held up by its own timeouts...
                    assertThat(Duration.between(spoc.get(1), spoc.get(2))).isGreaterThanOrEqualTo(timeout);
                    // ...europol's, on its own queue, follow each other by its back-off alone.
                    assertThat(Duration.between(europol.get(1), europol.get(2))).isLessThan(timeout);
                }
            }
        }
    }

    private static Map<String, String> httpsSettings(Path directory, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("gateway.directory", directory.toString());
        settings.put("gateway.https.certificate", ExampleTls.certs("police-scotland/tls/cert.pem").toString());
        settings.put("gateway.https.key", ExampleTls.certs("police-scotland/tls/key.pem").toString());
        settings.putIfAbsent("gateway.https.connect-timeout-ms", "2000");
        return settings;
    }

    private static List<AuditEvent> attemptsFailed(RunningGateway gateway, String exchangeId, String partner) {
        return events(gateway, exchangeId, "DELIVERY_ATTEMPT_FAILED", partner).stream()
                .sorted(java.util.Comparator.comparing(AuditEvent::time)).toList();
    }

    private static List<AuditEvent> events(RunningGateway gateway, String exchangeId, String step, String partner) {
        return gateway.audit().forExchange(exchangeId).stream()
                .filter(event -> event.step().equals(step) && event.recipients().equals(List.of(partner)))
                .toList();
    }

    private static List<Instant> times(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::time).toList();
    }

    private static StatusNotices.Notice notice(RunningGateway gateway, String transportId, String partner)
            throws Exception {
        return notice(gateway, transportId, partner, WAIT);
    }

    /** The first notice (partner null) or the second one about that partner. */
    private static StatusNotices.Notice notice(RunningGateway gateway, String transportId, String partner,
                                               long waitMillis) throws Exception {
        String selector = "GwTransportMessageId = '" + transportId + "' AND "
                + (partner == null ? "GwRecipient IS NULL" : "GwRecipient = '" + partner + "'");
        Message status = gateway.receive("gw.agency." + PS + ".status", selector, waitMillis);
        assertThat(status).as("status notice " + selector).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }
}
