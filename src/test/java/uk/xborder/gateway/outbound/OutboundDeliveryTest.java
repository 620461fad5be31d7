package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * End to end on the real gateway and its embedded broker: an agency's message reaches every allowed recipient as a
 * signed and encrypted envelope that the recipient alone can open, and the agency is told.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundDeliveryTest {

    private static final long WAIT = 20_000;

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void policeScotlandReportReachesEuropolSpocIeAndNcaEachInItsOwnFormat() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = GATEWAY.get().send("police-scotland", Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());

        for (String[] partner : new String[][] {
                {"europol", "europol-ie-1"}, {"spoc-ie", "europol-ie-1"}, {"nca", "uk-agency-5x5x5-1"}}) {
            Message delivered = GATEWAY.get().receive("gw.partner." + partner[0] + ".out",
                    "GwMessageId = '" + messageId + "'", WAIT);
            assertThat(delivered).as("envelope for " + partner[0]).isNotNull();
            PartnerInbox.Opened opened = PartnerInbox.open(partner[0], RunningGateway.bodyBytes(delivered));

            assertThat(opened.messageId()).isEqualTo(messageId);
            assertThat(opened.from()).isEqualTo("police-scotland");
            assertThat(opened.to()).isEqualTo(partner[0]);
            assertThat(opened.contentFormat()).isEqualTo(partner[1]);
            assertThat(opened.signer().getSubjectX500Principal().getName()).contains("CN=gateway");
            // The content is the partner's own format, valid against its published schema, naming the message.
            SchemaCatalog.loadDefault().validate(new SafeXmlParser().parse(opened.content()), partner[1]);
            assertThat(new String(opened.content(), StandardCharsets.UTF_8)).contains(messageId);
        }

        StatusNotices.Notice notice = statusFor(transportId);
        assertThat(notice.messageId()).isEqualTo(messageId);
        assertThat(notice.outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipients()).containsOnlyKeys("europol", "spoc-ie", "nca");
        assertThat(notice.recipients().values()).allMatch(line -> line.outcome().equals("ACCEPTED"));
    }

    @Test
    void everyStepOfTheExchangeIsAuditedWithoutContent() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = GATEWAY.get().send("police-scotland", Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        StatusNotices.Notice notice = statusFor(transportId);

        List<AuditEvent> trail = GATEWAY.get().audit().forExchange(notice.exchangeId());
        assertThat(trail).extracting(AuditEvent::step).containsSubsequence(
                "RECEIVED", "WELL_FORMED", "SCHEMA_VALID", "CANONICALISED", "SENDER_VERIFIED", "AUTHORISED",
                "TRANSLATED", "SIGNED", "ENCRYPTED", "WRAPPED", "RELEASED", "DELIVERED", "STATUS_ISSUED");
        for (String recipient : List.of("europol", "spoc-ie", "nca")) {
            assertThat(trail).filteredOn(e -> e.recipients().equals(List.of(recipient)))
                    .extracting(AuditEvent::step)
                    .containsExactly("AUTHORISED", "TRANSLATED", "SIGNED", "ENCRYPTED", "WRAPPED", "RELEASED",
                            "DELIVERED");
        }
        assertThat(trail).filteredOn(e -> e.step().equals("DELIVERED"))
                .allMatch(e -> e.operation().equals("DISCLOSURE"));
        assertThat(trail).allSatisfy(event -> {
            assertThat(event.messageId()).isIn(messageId, null);
            assertThat(event.sender()).isEqualTo("police-scotland");
            assertThat(event.payloadDigest()).matches("[0-9a-f]{64}");
            assertThat(event.toString()).doesNotContain("NOMINAL 1").doesNotContain("frozen fish");
        });
        assertThat(trail).filteredOn(e -> e.step().equals("CANONICALISED")).singleElement().satisfies(e -> {
            assertThat(e.marking()).isEqualTo("UK_GSC OFFICIAL-SENSITIVE");
            assertThat(e.handling()).isEqualTo("UK_3X5X2 P");
            assertThat(e.caseReferences()).contains("SID:SID-2026-0187734");
            assertThat(e.legalBasis()).contains("Data Protection Act 2018");
        });
    }

    @Test
    void ncaLogInTheUkFormatReachesPoliceScotlandAndEuropol() throws Exception {
        String messageId = Examples.uniqueId("NCA");
        String xml = Examples.ncaLog().replace("<LogReference>([^<]+)</LogReference>", messageId).xml();
        String transportId = GATEWAY.get().send("nca", xml);

        StatusNotices.Notice notice = statusFor("nca", transportId);
        assertThat(notice.outcome()).isEqualTo("ACCEPTED");
        Message toScotland = GATEWAY.get().receive("gw.partner.police-scotland.out",
                "GwMessageId = '" + messageId + "'", WAIT);
        PartnerInbox.Opened opened = PartnerInbox.open("police-scotland", RunningGateway.bodyBytes(toScotland));
        assertThat(opened.contentFormat()).isEqualTo("police-scotland-ir-1");
        SchemaCatalog.loadDefault().validate(new SafeXmlParser().parse(opened.content()), "police-scotland-ir-1");
    }

    @Test
    void aMessageSentAsBytesIsTreatedLikeText() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = GATEWAY.get().sendBytes("police-scotland", Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).bytes());
        assertThat(statusFor(transportId).outcome()).isEqualTo("ACCEPTED");
    }

    @Test
    void anEnvelopeCannotBeOpenedWithAnotherPartnersKey() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = GATEWAY.get().send("police-scotland", Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        statusFor(transportId);
        Message forEuropol = GATEWAY.get().receive("gw.partner.europol.out", "GwMessageId = '" + messageId + "'", WAIT);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> PartnerInbox.open("nca", RunningGateway.bodyBytes(forEuropol)))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    private StatusNotices.Notice statusFor(String transportId) throws Exception {
        return statusFor("police-scotland", transportId);
    }

    private StatusNotices.Notice statusFor(String agency, String transportId) throws Exception {
        Message status = GATEWAY.get().receive("gw.agency." + agency + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }
}
