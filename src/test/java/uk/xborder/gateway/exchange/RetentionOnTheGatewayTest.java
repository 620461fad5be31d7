package uk.xborder.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Message;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * On the running gateway the retention timer erases what a refused message left in the store once
 * gateway.store.retention-days have passed on the gateway's clock, and the audit log says so.
 */
class RetentionOnTheGatewayTest {

    @Test
    void aRefusedMessagesContentIsErasedByTheTimerOnceItsRetentionHasPassed() throws Exception {
        SettableClock clock = SettableClock.ofSystemNow();
        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.store.retention-days", "2",
                "gateway.store.retention-check-every", "200ms"), Map.of("clock", clock))) {
            String transportId = gateway.send("nca", Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR")).xml());
            Message notice = gateway.receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", 20_000);
            String reference = notice.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
            ExchangeStore store = gateway.exchangeStore();
            assertThat(store.openContent(reference)).isPresent();

            clock.advance(Duration.ofDays(2).minusMinutes(1));
            // three runs of the timer after the clock moved: nothing is old enough yet
            NotifyBuilder threeRuns = new NotifyBuilder(gateway.context()).fromRoute("exchange-content-retention")
                    .whenCompleted(3).create();
            assertThat(threeRuns.matches(20, TimeUnit.SECONDS)).as("the retention timer ran").isTrue();
            assertThat(store.openContent(reference)).as("within the retention").isPresent();

            clock.advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(20)).until(() -> store.openContent(reference).isEmpty());
            assertThat(store.exchange(reference).orElseThrow().state()).isEqualTo(ExchangeState.EXPIRED);
            String exchangeId = notice.getStringProperty(GatewayHeaders.EXCHANGE_ID);
            assertThat(gateway.audit().forExchange(exchangeId)).filteredOn(e -> e.step().equals("CONTENT_ERASED"))
                    .singleElement().satisfies(e -> assertThat(e.eventKey())
                            .isEqualTo(exchangeId + "/CONTENT_ERASED/" + reference))
                    .extracting(AuditEvent::operation).isEqualTo("ERASURE");
        }
    }
}
