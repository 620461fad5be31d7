package uk.xborder.gateway.twogateways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.requests.Direction;
import uk.xborder.gateway.requests.OpenRequest;
import uk.xborder.gateway.requests.OpenRequests;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TwoGateways;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * One exchange between the two example gateways, as their agencies see it: Police Scotland asks Europol for
 * information, urgently; europol-ops reads the request in its own format; Europol's receipt closes Police Scotland's
 * exchange; europol-ops answers, and Police Scotland reads the answer in its format, which closes the request on both
 * sides. The transport is the subclass's.
 */
abstract class TwoGatewaysScenario {

    private static final long WAIT = 20_000;
    private static final SchemaCatalog SCHEMAS = SchemaCatalog.loadDefault();

    abstract TwoGateways gateways();

    @Test
    void aRequestGoesToEuropolIsReceiptedAndItsAnswerComesBackAndClosesIt() throws Exception {
        RunningGateway ps = gateways().policeScotland();
        RunningGateway eu = gateways().europol();
        String requestId = Examples.uniqueId("PS-RFI");
        String request = new Examples(Examples.read("police-scotland/valid/ps-rfi-urgent-direct-europol.xml"))
                .replace("<ReportURN>([^<]+)</ReportURN>", requestId).xml();

        // Police Scotland sends; the first notice says the envelope was handed to Europol's gateway.
        String transportId = ps.send("police-scotland", request);
        StatusNotices.Notice accepted = notice(ps, "police-scotland", "GwTransportMessageId = '" + transportId + "'");
        assertThat(accepted.outcome()).isEqualTo("ACCEPTED");
        assertThat(accepted.recipient("europol").outcome()).isEqualTo("ACCEPTED");

        // europol-ops finds it once, in its own format, valid against that format's schema.
        Message delivered = eu.receive("gw.agency.europol-ops.in", "GwMessageId = '" + requestId + "'", WAIT);
        assertThat(delivered).as("the request at europol-ops").isNotNull();
        byte[] asEuropolReadsIt = RunningGateway.bodyBytes(delivered);
        Document document = new SafeXmlParser().parse(asEuropolReadsIt);
        SCHEMAS.validate(document, "europol-ie-1");
        assertThat(document.getElementsByTagNameNS("*", "MessageKind").item(0).getTextContent()).isEqualTo("REQUEST");
        assertThat(document.getElementsByTagNameNS("*", "UrgencyReason").item(0).getTextContent())
                .contains("consignment");

        // Europol's signed receipt closes Police Scotland's exchange: the second notice.
        StatusNotices.Notice acknowledged = notice(ps, "police-scotland",
                "GwMessageId = '" + requestId + "' AND GwOutcome = 'ACKNOWLEDGED'");
        assertThat(acknowledged.recipient("europol").outcome()).isEqualTo("ACKNOWLEDGED");

        // Both sides track the request; Europol's answer is due 8 hours after it received it (urgent, direct).
        OpenRequest owed = request(eu, Direction.INBOUND, requestId, "europol-ops", "police-scotland");
        assertThat(owed.closedAt()).isNull();
        assertThat(Duration.between(owed.receivedAt(), owed.dueAt())).isEqualTo(Duration.ofHours(8));
        assertThat(request(ps, Direction.OUTBOUND, requestId, "police-scotland", "europol").closedAt()).isNull();

        // europol-ops answers; Police Scotland reads the answer in its own format.
        String replyId = Examples.uniqueId("EUROPOL-REPLY");
        String reply = new Examples(Examples.read("europol/valid/spoc-ie-reply-to-police-scotland.xml"))
                .replace("<MessageReference>([^<]+)</MessageReference>", replyId)
                .replace("<ReplyToReference>([^<]+)</ReplyToReference>", requestId)
                .replace("<Sender>\\s*<PartyId>([^<]+)</PartyId>", "europol")
                .xml();
        String replyTransportId = eu.send("europol-ops", reply);
        StatusNotices.Notice replyAccepted = notice(eu, "europol-ops",
                "GwTransportMessageId = '" + replyTransportId + "'");
        assertThat(replyAccepted.outcome()).as(replyAccepted.toString()).isEqualTo("ACCEPTED");

        Message answer = ps.receive("gw.agency.police-scotland.in", "GwMessageId = '" + replyId + "'", WAIT);
        assertThat(answer).as("the answer at Police Scotland").isNotNull();
        Document answerDocument = new SafeXmlParser().parse(RunningGateway.bodyBytes(answer));
        SCHEMAS.validate(answerDocument, "police-scotland-ir-1");
        assertThat(RunningGateway.bodyText(answer)).contains(requestId);

        assertThat(notice(eu, "europol-ops", "GwMessageId = '" + replyId + "' AND GwOutcome = 'ACKNOWLEDGED'")
                .recipient("police-scotland").outcome()).isEqualTo("ACKNOWLEDGED");

        // The answer closes the request on both sides.
        assertThat(request(eu, Direction.INBOUND, requestId, "europol-ops", "police-scotland").closingMessageId())
                .isEqualTo(replyId);
        awaitClosed(ps, requestId, replyId);

        // Every step is on record on each side, and the request reached europol-ops once.
        assertThat(ps.audit().stepsOf(accepted.exchangeId()))
                .contains("RELEASED", "DELIVERED", "RECEIPT_RECEIVED", "ACKNOWLEDGED");
        assertThat(eu.audit().stepsOf(delivered.getStringProperty("GwExchangeId")))
                .contains("INBOUND_RECEIVED", "DECRYPTED", "SIGNATURE_VERIFIED", "DELIVERED", "RECEIPT_ISSUED");
        assertThat(eu.receive("gw.agency.europol-ops.in", "GwMessageId = '" + requestId + "'", 500)).isNull();
    }

    @Test
    void aReportToEuropolIsAcknowledgedByItsReceipt() throws Exception {
        RunningGateway ps = gateways().policeScotland();
        String reportId = Examples.uniqueId("PS-IR");
        // The example report is also for spoc-ie and the NCA, whom this Police Scotland gateway does not know.
        String transportId = ps.send("police-scotland", Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", reportId).xml());

        StatusNotices.Notice first = notice(ps, "police-scotland", "GwTransportMessageId = '" + transportId + "'");
        assertThat(first.recipient("europol").outcome()).isEqualTo("ACCEPTED");
        assertThat(first.recipient("spoc-ie").reasonCode()).isEqualTo("UNKNOWN_RECIPIENT");
        assertThat(gateways().europol().receive("gw.agency.europol-ops.in", "GwMessageId = '" + reportId + "'",
                WAIT)).as("the report at europol-ops").isNotNull();
        StatusNotices.Notice second = notice(ps, "police-scotland",
                "GwMessageId = '" + reportId + "' AND GwOutcome = 'ACKNOWLEDGED'");
        assertThat(second.exchangeId()).isEqualTo(first.exchangeId());
        assertThat(second.recipient("europol").outcome()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aRequestFromEuropolIsAnsweredByPoliceScotlandAndTheDeadlineCloses() throws Exception {
        RunningGateway ps = gateways().policeScotland();
        RunningGateway eu = gateways().europol();
        String requestId = Examples.uniqueId("EUROPOL-RFI");
        eu.send("europol-ops", new Examples(
                Examples.read("europol/valid/europol-request-urgent-direct-police-scotland.xml"))
                .replace("<MessageReference>([^<]+)</MessageReference>", requestId).xml());

        // Police Scotland reads it in its own format, and owes an answer within 8 hours of receiving it.
        Message request = ps.receive("gw.agency.police-scotland.in", "GwMessageId = '" + requestId + "'", WAIT);
        assertThat(request).as("Europol's request at Police Scotland").isNotNull();
        SCHEMAS.validate(new SafeXmlParser().parse(RunningGateway.bodyBytes(request)), "police-scotland-ir-1");
        OpenRequest owed = request(ps, Direction.INBOUND, requestId, "police-scotland", "europol");
        assertThat(owed.closedAt()).isNull();
        assertThat(Duration.between(owed.receivedAt(), owed.dueAt())).isEqualTo(Duration.ofHours(8));

        // Police Scotland answers in its format, naming the request it answers.
        String answerId = Examples.uniqueId("PS-RESP");
        String answer = new Examples(Examples.read("police-scotland/valid/ps-rfi-urgent-direct-europol.xml"))
                .replace("<ReportURN>([^<]+)</ReportURN>", answerId)
                .replace("<ReportType>([^<]+)</ReportType>", "RFI-RESPONSE")
                .replace("<RelatedReportURN>[^<]+</RelatedReportURN>()",
                        "\n    <InResponseToURN>" + requestId + "</InResponseToURN>")
                .remove("<ResponseRequiredBy>[^<]+</ResponseRequiredBy>")
                .remove("<InformationAccess>[^<]+</InformationAccess>")
                .xml();
        String transportId = ps.send("police-scotland", answer);
        assertThat(notice(ps, "police-scotland", "GwTransportMessageId = '" + transportId + "'").outcome())
                .isEqualTo("ACCEPTED");

        Message answered = eu.receive("gw.agency.europol-ops.in", "GwMessageId = '" + answerId + "'", WAIT);
        assertThat(answered).as("the answer at europol-ops").isNotNull();
        assertThat(RunningGateway.bodyText(answered)).contains("<ReplyToReference>" + requestId);
        assertThat(request(ps, Direction.INBOUND, requestId, "police-scotland", "europol").closingMessageId())
                .isEqualTo(answerId);
        assertThat(notice(ps, "police-scotland", "GwMessageId = '" + answerId + "' AND GwOutcome = 'ACKNOWLEDGED'")
                .recipient("europol").outcome()).isEqualTo("ACKNOWLEDGED");
    }

    private static StatusNotices.Notice notice(RunningGateway gateway, String agency, String selector)
            throws Exception {
        Message status = gateway.receive("gw.agency." + agency + ".status", selector, WAIT);
        assertThat(status).as("status notice for " + agency + " where " + selector).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    /**
     * The request as tracked, awaited: over a partner's broker the agency's copy commits on the gateway's broker
     * before the partner's transaction, so the agency can read it a moment before the processing that delivered it
     * has recorded, after its receipt, what follows (the request it opens).
     */
    private static OpenRequest request(RunningGateway gateway, Direction direction, String messageId, String agency,
                                       String partner) {
        try {
            await().atMost(Duration.ofMillis(WAIT))
                    .until(() -> requests(gateway).find(direction, messageId, agency, partner).isPresent());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no " + direction + " request " + messageId, e);
        }
        return requests(gateway).find(direction, messageId, agency, partner).orElseThrow();
    }

    private static void awaitClosed(RunningGateway gateway, String requestId, String replyId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            OpenRequest entry = request(gateway, Direction.OUTBOUND, requestId, "police-scotland", "europol");
            if (entry.closedAt() != null) {
                assertThat(entry.closingMessageId()).isEqualTo(replyId);
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("Police Scotland's request " + requestId + " was not closed by " + replyId);
    }

    private static OpenRequests requests(RunningGateway gateway) {
        JdbcAuditLog log = gateway.context().getRegistry().lookupByNameAndType("auditLog", JdbcAuditLog.class);
        return OpenRequests.on(log.database(), Clock.systemUTC());
    }
}
