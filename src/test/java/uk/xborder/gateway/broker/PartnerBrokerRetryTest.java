package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.xborder.gateway.broker.EuropolBroker.EUROPOL_INBOX;
import static uk.xborder.gateway.broker.EuropolBroker.GATEWAY_RECEIPTS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Message;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.outbound.PendingDelivery;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.receipt.PartnerSide;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.testsupport.ArtemisPerClass;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * Europol on its own broker, which is down when the gateway first hands over the envelope: the delivery is tried
 * again off the agency's queue until the broker is back, and Europol gets the envelope once, even when the attempt
 * that got it there is rolled back and made again.
 */
class PartnerBrokerRetryTest {

    private static final String PS = "police-scotland";
    private static final long WAIT = 30_000;

    @RegisterExtension
    static final ArtemisPerClass EUROPOL_BROKER = ArtemisPerClass.notYetStarted(EuropolBroker.USER);

    @TempDir
    Path folder;

    @BeforeEach
    void europolsBrokerIsDown() {
        if (EUROPOL_BROKER.get().isRunning()) {
            EUROPOL_BROKER.get().stop();
        }
    }

    @Test
    void anEndpointThatComesBackBetweenAttemptsGetsTheEnvelopeOnceAndItsReceiptAcknowledgesIt() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(EuropolBroker.settings(EUROPOL_BROKER.get(),
                directory()))) {
            String messageId = Examples.uniqueId("PS-IR");
            String transportId = send(gateway, messageId);
            StatusNotices.Notice first = notice(gateway, transportId, null);
            assertThat(first.outcome()).isEqualTo("ACCEPTED");
            assertThat(first.recipient("europol").outcome()).isEqualTo("RETRYING");
            assertThat(first.recipient("europol").explanation()).contains("jms-unavailable");

            EUROPOL_BROKER.get().start();

            Message envelope = EUROPOL_BROKER.get().receive(EUROPOL_INBOX, selector(messageId), WAIT);
            assertThat(envelope).as("the envelope on Europol's broker").isNotNull();
            byte[] bytes = RunningGateway.bodyBytes(envelope);
            PartnerInbox.Opened opened = PartnerInbox.open("europol", bytes);
            assertThat(opened.messageId()).isEqualTo(messageId);
            awaitDelivered(gateway, first.exchangeId());

            // Europol answers with its signed receipt, on its broker: the exchange with it is closed.
            PartnerSide.Delivered delivered = new PartnerSide.Delivered(messageId, transportId, first.exchangeId(),
                    bytes, opened);
            EUROPOL_BROKER.get().send(GATEWAY_RECEIPTS, PartnerSide.signedBy("europol",
                    PartnerSide.receipt(delivered, "europol", ReceiptOutcome.DELIVERED)), Map.of());
            StatusNotices.Notice second = notice(gateway, transportId, "europol");
            assertThat(second.outcome()).isEqualTo("ACKNOWLEDGED");
            assertThat(second.recipient("europol").outcome()).isEqualTo("ACKNOWLEDGED");

            assertThat(EUROPOL_BROKER.get().browse(EUROPOL_INBOX, selector(messageId))).isEmpty();
            assertThat(events(gateway, first.exchangeId(), "DELIVERED")).hasSize(1);
            assertThat(events(gateway, first.exchangeId(), "DELIVERY_ATTEMPT_FAILED"))
                    .isNotEmpty().allSatisfy(event -> assertThat(event.explanation()).contains("jms-unavailable"));
            assertThat(events(gateway, first.exchangeId(), "DELIVERY_FAILED")).isEmpty();
        }
    }

    @Test
    void aRetryRolledBackAfterItDeliveredIsMadeAgainAndEuropolStillGetsTheEnvelopeOnce() throws Exception {
        RollbackAfterRetryHandOver rollback = new RollbackAfterRetryHandOver();
        String messageId = Examples.uniqueId("PS-IR");
        rollback.once(messageId);
        try (RunningGateway gateway = RunningGateway.start(EuropolBroker.settings(EUROPOL_BROKER.get(),
                directory()), Map.of("rollbackAfterRetry", rollback))) {
            String transportId = send(gateway, messageId);
            StatusNotices.Notice first = notice(gateway, transportId, null);
            assertThat(first.recipient("europol").outcome()).isEqualTo("RETRYING");

            EUROPOL_BROKER.get().start();

            awaitDelivered(gateway, first.exchangeId());
            // The attempt that got the envelope to Europol's broker was rolled back, and its retry message taken
            // again: a second hand-over, of the same envelope under the same duplicate-detection id...
            assertThat(rollback.rollbacks()).isEqualTo(1);
            assertThat(rollback.handOversAfterTheBrokerWasBack(messageId)).isEqualTo(2);
            // ...which Europol's broker dropped.
            List<Message> onEuropolsBroker = EUROPOL_BROKER.get().browse(EUROPOL_INBOX, selector(messageId));
            assertThat(onEuropolsBroker).hasSize(1);
            assertThat(PartnerInbox.open("europol", RunningGateway.bodyBytes(onEuropolsBroker.get(0))).messageId())
                    .isEqualTo(messageId);
            assertThat(events(gateway, first.exchangeId(), "DELIVERED")).hasSize(1);
        }
    }

    /** europol on its broker, tried again every second, long enough for the broker to start. */
    private Path directory() throws Exception {
        return TestDirectory.shipped().edit("endpoint: jms:queue:gw.partner.europol.out",
                "endpoint: " + EuropolBroker.NAME + ":queue:" + EUROPOL_INBOX + "\n"
                        + "    receipts: " + EuropolBroker.NAME + ":queue:" + EuropolBroker.EUROPOL_RECEIPTS + "\n"
                        + "    retry: { maxAttempts: 60, backOff: constant, initialDelay: PT1S }")
                .write(folder);
    }

    private static void awaitDelivered(RunningGateway gateway, String exchangeId) {
        await().atMost(Duration.ofMillis(WAIT)).until(() -> !events(gateway, exchangeId, "DELIVERED").isEmpty());
    }

    private static List<AuditEvent> events(RunningGateway gateway, String exchangeId, String step) {
        return gateway.audit().forExchange(exchangeId).stream()
                .filter(event -> event.step().equals(step) && event.recipients().equals(List.of("europol")))
                .toList();
    }

    private static String send(RunningGateway gateway, String messageId) throws Exception {
        return gateway.send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
    }

    private static StatusNotices.Notice notice(RunningGateway gateway, String transportId, String partner)
            throws Exception {
        String selector = "GwTransportMessageId = '" + transportId + "' AND "
                + (partner == null ? "GwRecipient IS NULL" : "GwRecipient = '" + partner + "'");
        Message status = gateway.receive("gw.agency." + PS + ".status", selector, WAIT);
        assertThat(status).as("status notice " + selector).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static String selector(String messageId) {
        return "GwMessageId = '" + messageId + "'";
    }

    /**
     * A crash between a retry's successful hand-over and the commit of its transaction, without killing the JVM:
     * the first time a chosen message's retry hand-over succeeds, its exchange is marked rollback-only, so the
     * retry message goes back on its queue as if the gateway had died there. Counts the hand-overs that got
     * through.
     */
    static final class RollbackAfterRetryHandOver implements InterceptStrategy {

        private final Set<String> rollBackOnce = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicInteger> handOvers = new ConcurrentHashMap<>();
        private final AtomicInteger rollbacks = new AtomicInteger();

        void once(String messageId) {
            rollBackOnce.add(messageId);
        }

        int rollbacks() {
            return rollbacks.get();
        }

        int handOversAfterTheBrokerWasBack(String messageId) {
            AtomicInteger count = handOvers.get(messageId);
            return count == null ? 0 : count.get();
        }

        @Override
        public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                     Processor nextTarget) {
            if (!"retry-hand-over".equals(definition.getId())) {
                return target;
            }
            return new DelegateAsyncProcessor(target) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    return super.process(exchange, doneSync -> {
                        PendingDelivery delivery = exchange.getProperty(ExchangeProperties.RETRY,
                                PendingDelivery.class);
                        if (exchange.getException() == null && delivery != null) {
                            handOvers.computeIfAbsent(delivery.messageId(), id -> new AtomicInteger())
                                    .incrementAndGet();
                            if (rollBackOnce.remove(delivery.messageId())) {
                                rollbacks.incrementAndGet();
                                exchange.setRollbackOnly(true);
                            }
                        }
                        callback.done(doneSync);
                    });
                }
            };
        }
    }
}
