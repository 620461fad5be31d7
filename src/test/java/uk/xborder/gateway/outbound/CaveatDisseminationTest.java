package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * Caveats are obeyed on the real gateway, not just copied: the example Police Scotland report for Europol, the Irish
 * SPOC and the NCA, given a caveat, reaches only the recipients the caveat admits (tables/caveats.csv). The others
 * are refused in the status notice and the audit log, the original is kept on gw.rejected naming them, and nothing
 * for them leaves the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaveatDisseminationTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void aUkEyesOnlyReportGoesToTheNcaOnly() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        NotifyBuilder finished = finishedExchange();
        String transportId = GATEWAY.get().send(PS, withCaveat(messageId, "UK EYES ONLY"));

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        for (String partner : List.of("europol", "spoc-ie")) {
            assertThat(notice.recipient(partner).outcome()).isEqualTo("REJECTED");
            assertThat(notice.recipient(partner).reasonCode()).isEqualTo("CAVEAT_FORBIDS_RECIPIENT");
            assertThat(notice.recipient(partner).explanation()).contains("'UK EYES ONLY'")
                    .contains("jurisdiction UK").contains("caveats=2026.1").contains("'" + partner + "'");
        }
        assertRefusedInAudit(notice.exchangeId(), "CAVEAT_FORBIDS_RECIPIENT", "europol", "spoc-ie");
        assertThat(kept(transportId).getStringProperty("GwRefusedRecipients"))
                .isEqualTo("europol:CAVEAT_FORBIDS_RECIPIENT,spoc-ie:CAVEAT_FORBIDS_RECIPIENT");
        assertThat(leftFor("europol", messageId, finished)).isFalse();
        assertThat(leftFor("spoc-ie", messageId, finished)).isFalse();

        // The NCA receives the caveat with the report, in its own format.
        Message toNca = GATEWAY.get().receive("gw.partner.nca.out", "GwMessageId = '" + messageId + "'", WAIT);
        assertThat(toNca).isNotNull();
        String content = new String(PartnerInbox.open("nca", RunningGateway.bodyBytes(toNca)).content(),
                StandardCharsets.UTF_8);
        assertThat(content).contains("<Caveat>UK EYES ONLY</Caveat>");
    }

    @Test
    void anUnknownCaveatIsRefusedForEuPartnersAndDeliveredToTheNca() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        NotifyBuilder finished = finishedExchange();
        String transportId = GATEWAY.get().send(PS, withCaveat(messageId, "OPERATION KESTREL ONLY"));

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        for (String partner : List.of("europol", "spoc-ie")) {
            assertThat(notice.recipient(partner).reasonCode()).isEqualTo("UNKNOWN_CAVEAT");
            assertThat(notice.recipient(partner).explanation()).contains("'OPERATION KESTREL ONLY'")
                    .contains("not in the caveat table");
        }
        assertRefusedInAudit(notice.exchangeId(), "UNKNOWN_CAVEAT", "europol", "spoc-ie");
        assertThat(leftFor("europol", messageId, finished)).isFalse();
        assertThat(leftFor("spoc-ie", messageId, finished)).isFalse();
        assertThat(GATEWAY.get().receive("gw.partner.nca.out", "GwMessageId = '" + messageId + "'", WAIT))
                .isNotNull();
    }

    /**
     * UK/IE EYES ONLY admits the Irish SPOC, but its format (Europol-style) cannot write a caveat with '/': the
     * SPOC is refused rather than sent the report without the caveat.
     */
    @Test
    void aCaveatThePartnersFormatCannotCarryRefusesThatPartnerRatherThanDroppingIt() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        NotifyBuilder finished = finishedExchange();
        String transportId = GATEWAY.get().send(PS, withCaveat(messageId, "UK/IE EYES ONLY"));

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.recipient("europol").reasonCode()).isEqualTo("CAVEAT_FORBIDS_RECIPIENT");
        assertThat(notice.recipient("spoc-ie").reasonCode()).isEqualTo("NO_SAFE_MAPPING");
        assertThat(notice.recipient("spoc-ie").explanation()).contains("'UK/IE EYES ONLY'")
                .contains("cannot be written in the Europol-style format");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        assertThat(leftFor("spoc-ie", messageId, finished)).isFalse();
    }

    @Test
    void aCaveatThatAdmitsEveryRecipientStopsNobody() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = GATEWAY.get().send(PS, withCaveat(messageId, "RELEASABLE TO EUROPOL"));

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipient("spoc-ie").reasonCode()).isEqualTo("CAVEAT_FORBIDS_RECIPIENT");
        Message toEuropol = GATEWAY.get().receive("gw.partner.europol.out", "GwMessageId = '" + messageId + "'",
                WAIT);
        assertThat(toEuropol).isNotNull();
        assertThat(new String(PartnerInbox.open("europol", RunningGateway.bodyBytes(toEuropol)).content(),
                StandardCharsets.UTF_8)).contains("<Caveat>RELEASABLE TO EUROPOL</Caveat>");
    }

    /** The example report (europol, spoc-ie, nca; OFFICIAL-SENSITIVE PERSONAL) with a fresh id and one caveat. */
    private static String withCaveat(String messageId, String caveat) {
        return Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .replace("<Descriptor>PERSONAL</Descriptor>()", "\n    <Caveat>" + caveat + "</Caveat>")
                .xml();
    }

    private StatusNotices.Notice status(String transportId) throws Exception {
        Message status = GATEWAY.get().receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private Message kept(String transportId) throws JMSException {
        Message kept = GATEWAY.get().receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(kept).as("original kept on gw.rejected").isNotNull();
        return kept;
    }

    private void assertRefusedInAudit(String exchangeId, String reason, String... partners) {
        List<AuditEvent> trail = GATEWAY.get().audit().forExchange(exchangeId);
        for (String partner : partners) {
            assertThat(trail).filteredOn(e -> e.step().equals("REFUSED") && e.recipients().equals(List.of(partner)))
                    .as("REFUSED for " + partner).singleElement().satisfies(e -> {
                        assertThat(e.outcome()).isEqualTo("REFUSED");
                        assertThat(e.reason()).isEqualTo(reason);
                        assertThat(e.explanation()).contains("caveat");
                    });
            assertThat(trail).filteredOn(e -> e.recipients().equals(List.of(partner)))
                    .extracting(AuditEvent::step).doesNotContain("AUTHORISED", "TRANSLATED", "RELEASED", "DELIVERED");
        }
    }

    private NotifyBuilder finishedExchange() {
        return new NotifyBuilder(GATEWAY.get().context()).fromRoute("outbound-" + PS).whenDone(1).create();
    }

    /** See OutboundRejectionTest.leftFor: once the route finished and its notice is read, every delivery is there. */
    private boolean leftFor(String partner, String messageId, NotifyBuilder finished) throws Exception {
        assertThat(finished.matches(WAIT, TimeUnit.MILLISECONDS)).as("the route finished the exchange").isTrue();
        return GATEWAY.get().browse("gw.partner." + partner + ".out").stream()
                .anyMatch(m -> {
                    try {
                        return messageId.equals(m.getStringProperty("GwMessageId"));
                    } catch (JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
