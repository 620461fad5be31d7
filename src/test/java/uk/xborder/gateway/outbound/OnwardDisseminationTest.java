package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.camel.builder.NotifyBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.ledger.ReceivedMaterial;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * On the real gateway: material a partner sent under handling that forbids passing it on (recorded as the inbound
 * pipeline records it) goes back to that partner only. An agency's message that answers it or names it as a case
 * goes to the provider; every other recipient is refused with ONWARD_DISSEMINATION_FORBIDDEN, told to the agency,
 * audited, and the original kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnwardDisseminationTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";
    private static final String FORBIDDEN = "ONWARD_DISSEMINATION_FORBIDDEN";

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void aReplyToEuropolH2MaterialGoesBackToEuropolAndToNobodyElse() throws Exception {
        String europolMessage = Examples.uniqueId("EP");
        receivedMaterial().record(europolMessage, "europol", GradingScheme.EUROPOL, "H2");
        String messageId = Examples.uniqueId("PS-IR");
        NotifyBuilder finished = finishedExchange();

        // The report keeps its own thread (RelatedReportURN) and answers the Europol message (InResponseToURN).
        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .replace("(</RelatedReportURN>)", "</RelatedReportURN><InResponseToURN>" + europolMessage
                        + "</InResponseToURN>").xml());

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
        for (String other : List.of("spoc-ie", "nca")) {
            assertThat(notice.recipient(other).outcome()).isEqualTo("REJECTED");
            assertThat(notice.recipient(other).reasonCode()).isEqualTo(FORBIDDEN);
            assertThat(notice.recipient(other).explanation()).contains(europolMessage).contains("EUROPOL H2")
                    .contains("'" + other + "'");
        }
        awaitEnvelopeFor("europol", messageId, finished);
        assertThat(leftFor("spoc-ie", messageId)).isFalse();
        assertThat(leftFor("nca", messageId)).isFalse();

        Message kept = GATEWAY.get().receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(kept).as("original kept on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwRefusedRecipients"))
                .isEqualTo("spoc-ie:" + FORBIDDEN + ",nca:" + FORBIDDEN);
        List<AuditEvent> trail = GATEWAY.get().audit().forExchange(notice.exchangeId());
        assertThat(trail).filteredOn(e -> e.step().equals("REFUSED"))
                .extracting(e -> e.recipients().get(0) + ":" + e.reason())
                .containsExactlyInAnyOrder("spoc-ie:" + FORBIDDEN, "nca:" + FORBIDDEN);
    }

    @Test
    void aCaseNamingOriginatingAgencyOnlyMaterialKeepsItWithItsProvider() throws Exception {
        String ncaLog = Examples.uniqueId("NCA-LOG");
        receivedMaterial().record(ncaLog, "nca", GradingScheme.UK_5X5X5, "4");
        NotifyBuilder finished = finishedExchange();
        String messageId = Examples.uniqueId("PS-IR");

        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .replace("(</CaseReferences>)", "<CaseReference system=\"NCA\">" + ncaLog
                        + "</CaseReference></CaseReferences>").xml());

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipient("europol").reasonCode()).isEqualTo(FORBIDDEN);
        assertThat(notice.recipient("spoc-ie").reasonCode()).isEqualTo(FORBIDDEN);
        awaitEnvelopeFor("nca", messageId, finished);
        assertThat(leftFor("europol", messageId)).isFalse();
    }

    @Test
    void materialReceivedUnderCrimePurposesOnlyHandlingMayGoOn() throws Exception {
        String europolMessage = Examples.uniqueId("EP");
        receivedMaterial().record(europolMessage, "europol", GradingScheme.EUROPOL, "H0");

        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR"))
                .replace("(</RelatedReportURN>)", "</RelatedReportURN><InResponseToURN>" + europolMessage
                        + "</InResponseToURN>").xml());

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipients()).containsOnlyKeys("europol", "spoc-ie", "nca");
    }

    private static ReceivedMaterial receivedMaterial() {
        return GATEWAY.get().context().getRegistry().lookupByNameAndType("receivedMaterial", ReceivedMaterial.class);
    }

    private static StatusNotices.Notice status(String transportId) throws Exception {
        Message status = GATEWAY.get().receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static NotifyBuilder finishedExchange() {
        return new NotifyBuilder(GATEWAY.get().context()).fromRoute("outbound-" + PS).whenDone(1).create();
    }

    /**
     * Waits until the finished exchange's envelope for the partner can be browsed: a browser may not yet show what the
     * route's transaction has just committed. The envelopes of one exchange are committed together, so once this one
     * is seen, the absence of another partner's envelope is final (see {@link #leftFor}).
     */
    private static void awaitEnvelopeFor(String partner, String messageId, NotifyBuilder finished) {
        assertThat(finished.matches(WAIT, TimeUnit.MILLISECONDS)).as("the route finished the exchange").isTrue();
        Awaitility.await("envelope for " + partner).atMost(Duration.ofMillis(WAIT))
                .until(() -> leftFor(partner, messageId));
    }

    /** Whether an envelope for the message is on the partner's queue; meaningful after {@link #awaitEnvelopeFor}. */
    private static boolean leftFor(String partner, String messageId) throws Exception {
        return GATEWAY.get().browse("gw.partner." + partner + ".out").stream()
                .anyMatch(m -> messageId.equals(header(m, "GwMessageId")));
    }

    private static String header(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
