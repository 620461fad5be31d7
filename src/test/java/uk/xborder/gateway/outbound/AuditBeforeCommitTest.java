package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * A message's audit events are written together, before its transaction commits and before anything of it leaves
 * (an {@code AuditBatch}): while the audit log refuses one of its events, nothing of the message is delivered or
 * told, and the broker gives it back until the event is recorded; then every recipient has it once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditBeforeCommitTest {

    private static final String[] RECIPIENTS = {"europol", "spoc-ie", "nca"};

    private final PassCounter passes = new PassCounter();
    private RunningGateway gateway;

    @BeforeAll
    void start() throws Exception {
        gateway = RunningGateway.start(Map.of(), Map.of("passCounter", passes));
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void whileAnEventCannotBeRecordedNothingOfTheMessageLeavesAndItIsTakenAgainUntilItIs() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String selector = "GwMessageId = '" + messageId + "'";
        try (Connection audit = DriverManager.getConnection(
                AuditStoreSettings.embedded(gateway.dataDirectory()).jdbcUrl(), "", "");
             Statement sql = audit.createStatement()) {
            // The audit store now refuses every RELEASED event, as a failing database would.
            sql.execute("ALTER TABLE audit_entry ADD CONSTRAINT test_refuses_released CHECK (step <> 'RELEASED') "
                    + "NOCHECK");

            String transportId = gateway.send("police-scotland", Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());

            // Taken at least twice: the first pass rolled back.
            await().atMost(Duration.ofSeconds(30)).until(() -> passes.admitted() >= 2);
            for (String recipient : RECIPIENTS) {
                assertThat(gateway.browse("gw.partner." + recipient + ".out"))
                        .as("an envelope for %s while its release is not recorded", recipient)
                        .filteredOn(m -> messageId.equals(property(m, "GwMessageId"))).isEmpty();
            }
            assertThat(gateway.browse("gw.agency.police-scotland.status"))
                    .as("a status notice while the exchange is not recorded")
                    .filteredOn(m -> transportId.equals(property(m, "GwTransportMessageId"))).isEmpty();
            assertThat(gateway.browse("gw.failed")).as("held as failed").isEmpty();

            sql.execute("ALTER TABLE audit_entry DROP CONSTRAINT test_refuses_released");

            for (String recipient : RECIPIENTS) {
                assertThat(gateway.receive("gw.partner." + recipient + ".out", selector, 30_000))
                        .as("the envelope for %s once the audit log records again", recipient).isNotNull();
            }
            StatusNotices.Notice notice = StatusNotices.parse(RunningGateway.bodyBytes(gateway.receive(
                    "gw.agency.police-scotland.status", "GwTransportMessageId = '" + transportId + "'", 30_000)));
            assertThat(notice.messageId()).isEqualTo(messageId);
            for (String recipient : RECIPIENTS) {
                assertThat(notice.recipient(recipient).outcome()).as(recipient).isEqualTo("ACCEPTED");
                assertThat(gateway.browse("gw.partner." + recipient + ".out"))
                        .as("a second envelope for %s", recipient)
                        .filteredOn(m -> messageId.equals(property(m, "GwMessageId"))).isEmpty();
            }
            assertThat(gateway.audit().forExchange(notice.exchangeId()))
                    .filteredOn(event -> "RELEASED".equals(event.step()))
                    .extracting(AuditEvent::recipients)
                    .hasSize(RECIPIENTS.length);
        }
    }

    private static String property(jakarta.jms.Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the passes of agency messages through the outbound route's first step. */
    static final class PassCounter implements InterceptStrategy {

        private final AtomicInteger admitted = new AtomicInteger();

        int admitted() {
            return admitted.get();
        }

        @Override
        public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                     Processor nextTarget) {
            if (definition.getId() == null || !definition.getId().endsWith("admit")) {
                return target;
            }
            return new DelegateAsyncProcessor(target) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    admitted.incrementAndGet();
                    return super.process(exchange, callback);
                }
            };
        }
    }
}
