package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Message;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * Each kind of bad input on the real gateway: the agency gets a status notice with a specific reason code and a
 * sentence, the original is kept on gw.rejected with the reason in its headers, the refusal is audited, nothing
 * reaches a recipient who may not have it, and the gateway goes on with the next message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundRejectionTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "attacks/malformed-unclosed-element.xml, MALFORMED_XML",
            "attacks/malformed-truncated.xml, MALFORMED_XML",
            "attacks/doctype-plain.xml, XML_DOCTYPE_FORBIDDEN",
            "attacks/xxe-external-entity-etc-passwd.xml, XML_DOCTYPE_FORBIDDEN",
            "attacks/xxe-parameter-entity-external-dtd.xml, XML_DOCTYPE_FORBIDDEN",
            "attacks/billion-laughs.xml, XML_DOCTYPE_FORBIDDEN",
            "attacks/xinclude-etc-passwd.xml, XML_DOCTYPE_FORBIDDEN",
            "police-scotland/invalid/marking-misspelt.xml, SCHEMA_INVALID",
            "police-scotland/invalid/missing-dissemination-list.xml, SCHEMA_INVALID",
            "police-scotland/invalid/source-evaluation-out-of-range.xml, SCHEMA_INVALID",
            "police-scotland/invalid/handling-c-without-conditions.xml, SCHEMA_INVALID",
            "uk-agency/invalid/handling-code-out-of-range.xml, SCHEMA_INVALID",
    })
    void unreadableOrInvalidMessagesAreRejectedWholeAndKept(String example, String reason) throws Exception {
        String original = Examples.read(example);
        String agency = example.startsWith("uk-agency/") ? "nca" : PS;
        String transportId = GATEWAY.get().send(agency, original);

        StatusNotices.Notice notice = status(agency, transportId);
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.reasonCode()).isEqualTo(reason);
        assertThat(notice.explanation()).isNotBlank().doesNotContain("root:x:0:0");
        java.util.regex.Matcher id = java.util.regex.Pattern
                .compile("<(?:ReportURN|LogReference)>([^<]+)</").matcher(original);
        if (reason.equals("SCHEMA_INVALID") && id.find()) {
            // A well-formed message is named in its notice even when it breaks the schema.
            assertThat(notice.messageId()).isEqualTo(id.group(1));
        }
        assertKeptOnRejected(transportId, original.getBytes(StandardCharsets.UTF_8), reason);
        assertAuditedRejection(notice.exchangeId(), reason);
    }

    @Test
    void aMessageOverTheSizeLimitIsRejectedBeforeParsing() throws Exception {
        String padded = Examples.policeScotlandReport().xml()
                .replace("</IntelligenceReport>", "<!--" + "x".repeat(10 * 1024 * 1024) + "--></IntelligenceReport>");
        String transportId = GATEWAY.get().sendBytes(PS, padded.getBytes(StandardCharsets.UTF_8));

        StatusNotices.Notice notice = status(PS, transportId);
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.reasonCode()).isEqualTo("MESSAGE_TOO_LARGE");
        byte[] sent = padded.getBytes(StandardCharsets.UTF_8);
        String sha256 = Digests.sha256Hex(sent);
        assertThat(notice.explanation()).contains("10485760").contains(sent.length + " bytes").contains(sha256)
                .contains("cannot be replayed");
        // too large to be read, so not kept: recorded with its length and digest, measured as it streamed past
        StoredExchange recorded = GATEWAY.get().heldWithoutContent(
                assertKeptOnRejected(transportId, null, "MESSAGE_TOO_LARGE"));
        assertThat(recorded.state()).isEqualTo(ExchangeState.REJECTED);
        assertThat(recorded.reasonCode()).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(recorded.explanation()).contains(sent.length + " bytes").contains("SHA-256 " + sha256);
        assertThat(GATEWAY.get().audit().stepsOf(notice.exchangeId())).doesNotContain("WELL_FORMED");
    }

    @Test
    void aSenderThatIsNoConfiguredAgencyIsRejected() throws Exception {
        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR"))
                .replace("<Sender>\\s*<PartyId>([^<]+)</PartyId>", "strathclyde-police").xml());
        StatusNotices.Notice notice = status(PS, transportId);
        assertThat(notice.reasonCode()).isEqualTo("UNKNOWN_AGENCY");
        assertThat(notice.explanation()).contains("strathclyde-police");
        assertKeptOnRejected(transportId, null, "UNKNOWN_AGENCY");
    }

    @Test
    void anotherAgencysNameOnThisAgencysQueueIsRejected() throws Exception {
        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR"))
                .replace("<Sender>\\s*<PartyId>([^<]+)</PartyId>", "nca").xml());
        assertThat(status(PS, transportId).reasonCode()).isEqualTo("SENDER_MISMATCH");
        assertKeptOnRejected(transportId, null, "SENDER_MISMATCH");
    }

    @Test
    void anUnknownRecipientIsRefusedWhileTheOthersReceiveIt() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .replace("<Recipient>\\s*<PartyId>(spoc-ie)</PartyId>", "interpol").xml());

        StatusNotices.Notice notice = status(PS, transportId);
        assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(notice.recipient("interpol").outcome()).isEqualTo("REJECTED");
        assertThat(notice.recipient("interpol").reasonCode()).isEqualTo("UNKNOWN_RECIPIENT");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        assertThat(delivered("europol", messageId)).isTrue();
        Message kept = assertKeptOnRejected(transportId, null, "UNKNOWN_RECIPIENT");
        assertThat(kept.getStringProperty("GwRefusedRecipients")).isEqualTo("interpol:UNKNOWN_RECIPIENT");
    }

    @Test
    void aGradeWithNoSafeEuropolEquivalentRefusesTheEuropolFormatRecipient() throws Exception {
        String messageId = Examples.uniqueId("PS-RFI");
        NotifyBuilder finished = finishedExchange(PS);
        // Without its caveat, which the caveat table does not know and which alone refuses the SPOC (UNKNOWN_CAVEAT).
        String transportId = GATEWAY.get().send(PS, new Examples(
                Examples.read("police-scotland/valid/ps-rfi-conditions-grade-e-spoc-ie.xml"))
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .remove("<Caveat>[^<]*</Caveat>").xml());

        StatusNotices.Notice notice = status(PS, transportId);
        assertThat(notice.recipient("spoc-ie").reasonCode()).isEqualTo("NO_SAFE_MAPPING");
        assertThat(notice.recipient("spoc-ie").explanation()).contains("E");
        assertThat(leftFor("spoc-ie", messageId, finished)).isFalse();
        assertKeptOnRejected(transportId, null, "NO_SAFE_MAPPING");
    }

    @Test
    void aMarkingAboveAPartnersAccreditationRefusesOnlyThatPartner() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        NotifyBuilder finished = finishedExchange(PS);
        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .replace("<Marking>([^<]+)</Marking>", "SECRET").xml());

        StatusNotices.Notice notice = status(PS, transportId);
        assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(notice.recipient("spoc-ie").reasonCode()).isEqualTo("MARKING_ABOVE_ACCREDITATION");
        assertThat(notice.recipient("spoc-ie").explanation()).contains("SECRET-UE").contains("CONFIDENTIEL-UE");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        assertThat(leftFor("spoc-ie", messageId, finished)).isFalse();
    }

    @Test
    void topSecretGoesToNobody() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .replace("<Marking>([^<]+)</Marking>", "TOP-SECRET").xml());

        StatusNotices.Notice notice = status(PS, transportId);
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.recipients().values())
                .allMatch(line -> line.reasonCode().equals("MARKING_ABOVE_ACCREDITATION"));
        assertKeptOnRejected(transportId, null, "MARKING_ABOVE_ACCREDITATION");
    }

    @Test
    void aHandlingCodeThatForbidsDisseminationRefusesTheRecipients() throws Exception {
        String messageId = Examples.uniqueId("NCA");
        String transportId = GATEWAY.get().send("nca", Examples.ncaLog()
                .replace("<LogReference>([^<]+)</LogReference>", messageId)
                .replace("<HandlingCode>([^<]+)</HandlingCode>", "4").xml());

        StatusNotices.Notice notice = status("nca", transportId);
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.recipient("europol").reasonCode()).isEqualTo("HANDLING_FORBIDS_DISSEMINATION");
        assertThat(notice.recipient("police-scotland").reasonCode()).isEqualTo("HANDLING_FORBIDS_DISSEMINATION");
        assertThat(notice.recipient("europol").explanation()).contains("UK_5X5X5 4");
    }

    @Test
    void withoutALegalBasisNothingLeavesTheUnitedKingdom() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        NotifyBuilder finished = finishedExchange(PS);
        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .remove("<LegalBasisForInternationalTransfer>[^<]*</LegalBasisForInternationalTransfer>").xml());

        StatusNotices.Notice notice = status(PS, transportId);
        assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(notice.recipient("europol").reasonCode()).isEqualTo("NO_LEGAL_BASIS");
        assertThat(notice.recipient("spoc-ie").reasonCode()).isEqualTo("NO_LEGAL_BASIS");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        assertThat(leftFor("europol", messageId, finished)).isFalse();
        assertThat(delivered("nca", messageId)).isTrue();
    }

    @Test
    void aResubmittedMessageIdIsRejectedAndDeliveredOnlyOnce() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String xml = Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml();
        String first = GATEWAY.get().send(PS, xml);
        assertThat(status(PS, first).outcome()).isEqualTo("ACCEPTED");
        String second = GATEWAY.get().send(PS, xml);

        StatusNotices.Notice notice = status(PS, second);
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.reasonCode()).isEqualTo("DUPLICATE_MESSAGE");
        assertThat(GATEWAY.get().drain("gw.partner.europol.out").stream()
                .filter(m -> messageId.equals(header(m, "GwMessageId")))).hasSize(1);
        assertKeptOnRejected(second, xml.getBytes(StandardCharsets.UTF_8), "DUPLICATE_MESSAGE");
    }

    @Test
    void theGatewayGoesOnAfterBadInput() throws Exception {
        GATEWAY.get().send(PS, Examples.read("attacks/billion-laughs.xml"));
        GATEWAY.get().send(PS, "not xml at all");
        String messageId = Examples.uniqueId("PS-IR");
        String good = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        assertThat(status(PS, good).outcome()).isEqualTo("ACCEPTED");
    }

    private StatusNotices.Notice status(String agency, String transportId) throws Exception {
        Message status = GATEWAY.get().receive("gw.agency." + agency + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private Message assertKeptOnRejected(String transportId, byte[] original, String reason) throws Exception {
        Message kept = GATEWAY.get().receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(kept).as("original kept on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo(reason);
        assertThat(kept.getStringProperty("GwExplanation")).isNotBlank();
        if (original != null) {
            assertThat(GATEWAY.get().heldContent(kept)).isEqualTo(original);
        }
        return kept;
    }

    private void assertAuditedRejection(String exchangeId, String reason) {
        List<AuditEvent> trail = GATEWAY.get().audit().forExchange(exchangeId);
        assertThat(trail).extracting(AuditEvent::step).startsWith("RECEIVED").contains("REJECTED", "STATUS_ISSUED");
        assertThat(trail).filteredOn(e -> e.step().equals("REJECTED")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("REJECTED");
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    /** Takes the envelope for this message off the partner's queue, waiting for it to arrive. */
    private boolean delivered(String partner, String messageId) throws Exception {
        return GATEWAY.get().receive("gw.partner." + partner + ".out", "GwMessageId = '" + messageId + "'",
                WAIT) != null;
    }

    /** Completes once the agency's route has finished the next exchange, whatever its outcome. */
    private NotifyBuilder finishedExchange(String agency) {
        return new NotifyBuilder(GATEWAY.get().context()).fromRoute("outbound-" + agency).whenDone(1).create();
    }

    /**
     * Whether the finished exchange left an envelope for this message on the partner's queue. Call it after the
     * status notice was read: the route sends the notice in the same JMS transaction as its deliveries, so once the
     * route has finished and its notice is on the queue, every delivery it made is too, and there is nothing left
     * to wait for.
     */
    private boolean leftFor(String partner, String messageId, NotifyBuilder finished) throws Exception {
        assertThat(finished.matches(WAIT, TimeUnit.MILLISECONDS)).as("the route finished the exchange").isTrue();
        return GATEWAY.get().browse("gw.partner." + partner + ".out").stream()
                .anyMatch(m -> messageId.equals(header(m, "GwMessageId")));
    }

    private static String header(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
