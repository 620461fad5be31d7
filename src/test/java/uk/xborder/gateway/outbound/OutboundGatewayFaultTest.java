package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.format.MessageFormat;
import uk.xborder.gateway.pipeline.GatewayFault;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * A translator that fails is the gateway's fault, not the sender's: the exchange is retried, then held for an
 * operator on gw.failed and reported FAILED; the agency is never told its message was REJECTED. The gateway runs
 * with the built-in formats, except that reading Police Scotland's format and writing Europol's fail the way
 * {@code FormatSupport} fails on a translator's invalid output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutboundGatewayFaultTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";

    private final AtomicInteger policeScotlandReads = new AtomicInteger();
    private final AtomicInteger europolWrites = new AtomicInteger();
    private RunningGateway gateway;

    @BeforeAll
    void start() throws Exception {
        FormatRegistry builtIn = FormatRegistry.createDefault();
        List<MessageFormat> formats = builtIn.ids().stream().map(id -> switch (id) {
            case "police-scotland-ir-1" -> new FailingFormat(builtIn.get(id), policeScotlandReads, true);
            case "europol-ie-1" -> new FailingFormat(builtIn.get(id), europolWrites, false);
            default -> builtIn.get(id);
        }).toList();
        gateway = RunningGateway.start(Map.of(), Map.of("formatRegistry", FormatRegistry.of(formats)));
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aTranslatorFaultOnTheWayInIsRetriedHeldAndReportedFailed() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String xml = Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml();
        String transportId = gateway.send(PS, xml);

        StatusNotices.Notice notice = status(PS, transportId);
        assertThat(notice.outcome()).isEqualTo("FAILED");
        assertThat(notice.reasonCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(notice.explanation()).contains(notice.exchangeId());
        assertThat(policeScotlandReads).as("the first attempt and two retries").hasValue(3);

        Message held = gateway.receive("gw.failed", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(held).as("original held on gw.failed").isNotNull();
        assertThat(held.getStringProperty("GwReasonCode")).isEqualTo("INTERNAL_ERROR");
        assertThat(gateway.heldContent(held)).isEqualTo(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(gateway.receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", 1_000))
                .as("nothing refused").isNull();

        List<AuditEvent> trail = gateway.audit().forExchange(notice.exchangeId());
        assertThat(trail).extracting(AuditEvent::step).contains("HELD", "STATUS_ISSUED").doesNotContain("REJECTED");
        assertThat(trail).filteredOn(e -> e.step().equals("HELD")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("FAILED");
            assertThat(e.reason()).isEqualTo("INTERNAL_ERROR");
        });
    }

    @Test
    void aTranslatorFaultForOneRecipientHoldsThatRecipientAndNeverRefusesIt() throws Exception {
        String messageId = Examples.uniqueId("NCA");
        String transportId = gateway.send("nca", Examples.ncaLog()
                .replace("<LogReference>([^<]+)</LogReference>", messageId).xml());

        StatusNotices.Notice notice = status("nca", transportId);
        assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("FAILED");
        assertThat(notice.recipient(PS).outcome()).isEqualTo("ACCEPTED");
        // A fault of the gateway's own, retried in place like one of the whole message's (a failed hand-over is
        // tried again off the agency's queue instead).
        assertThat(europolWrites).as("the first attempt and two retries").hasValue(3);

        Message held = gateway.receive("gw.failed", "GwMessageId = '" + messageId + "'", WAIT);
        assertThat(held).as("held on gw.failed").isNotNull();
        assertThat(held.getStringProperty("GwRecipient")).isEqualTo("europol");
        assertThat(held.getStringProperty("GwFailedStep")).isEqualTo("preparation");
        assertThat(gateway.receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", 1_000))
                .as("nothing refused").isNull();
        assertThat(gateway.audit().forExchange(notice.exchangeId())).extracting(AuditEvent::step)
                .contains("DELIVERY_FAILED").doesNotContain("REFUSED", "REJECTED");
    }

    private StatusNotices.Notice status(String agency, String transportId) throws Exception {
        Message status = gateway.receive("gw.agency." + agency + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    /** A built-in format whose translation in one direction fails as a translator defect does. */
    private record FailingFormat(MessageFormat format, AtomicInteger calls, boolean failToCanonical)
            implements MessageFormat {

        @Override
        public String id() {
            return format.id();
        }

        @Override
        public String schemaResource() {
            return format.schemaResource();
        }

        @Override
        public Optional<String> senderPartyId(Document parsedDocument) {
            return format.senderPartyId(parsedDocument);
        }

        @Override
        public Optional<String> messageId(Document parsedDocument) {
            return format.messageId(parsedDocument);
        }

        @Override
        public IntelligenceMessage toCanonical(Document validatedDocument) {
            if (failToCanonical) {
                calls.incrementAndGet();
                throw new GatewayFault("Translation from " + id() + " produced a canonical message its schema"
                        + " refuses (a defect staged by the test)");
            }
            return format.toCanonical(validatedDocument);
        }

        @Override
        public byte[] fromCanonical(IntelligenceMessage message, String recipientPartyId) {
            if (!failToCanonical) {
                calls.incrementAndGet();
                throw new GatewayFault("Translation to " + id() + " produced output its schema refuses"
                        + " (a defect staged by the test)");
            }
            return format.fromCanonical(message, recipientPartyId);
        }
    }
}
