package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.schema.canonical.InformationAccess;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.MessageType;
import uk.xborder.gateway.schema.canonical.Priority;
import uk.xborder.gateway.schema.europol.InformationExchange;
import uk.xborder.gateway.schema.europol.MessageKind;
import uk.xborder.gateway.schema.policescotland.IntelligenceReport;
import uk.xborder.gateway.schema.policescotland.ReportType;
import uk.xborder.gateway.xml.JaxbCodec;

/**
 * A request for information keeps what decides its deadline in every format it passes through: that it is a
 * request, its urgency and the reasons for it, and whether the information is directly or indirectly accessible.
 */
class RequestsAcrossFormatsTest {

    private static final String PS_RFI = "police-scotland/valid/ps-rfi-urgent-direct-europol.xml";
    private static final String NCA_REQUEST = "uk-agency/valid/nca-request-urgent-indirect-police-scotland.xml";
    private static final String EUROPOL_REQUEST = "europol/valid/europol-request-urgent-direct-police-scotland.xml";

    @Test
    void aPoliceScotlandRequestReachesEuropolAsAnUrgentRequestForDirectlyAccessibleInformation() {
        IntelligenceMessage canonical = Inbound.example(PS_RFI, "police-scotland-ir-1");
        assertThat(canonical.getMessageType()).isEqualTo(MessageType.REQUEST_FOR_INFORMATION);
        assertThat(canonical.getPriority()).isEqualTo(Priority.URGENT);
        assertThat(canonical.getUrgencyGround()).startsWith("A consignment is expected");
        assertThat(canonical.getInformationAccess()).isEqualTo(InformationAccess.DIRECT);

        byte[] europol = Inbound.FORMATS.get("europol-ie-1").fromCanonical(canonical, "europol");
        InformationExchange exchange = JaxbCodec.unmarshal(Inbound.validated(europol, "europol-ie-1"),
                InformationExchange.class);

        assertThat(exchange.getHeader().getMessageKind()).isEqualTo(MessageKind.REQUEST);
        assertThat(exchange.getHeader().getPriority().value()).isEqualTo("URGENT");
        assertThat(exchange.getHeader().getUrgencyReason()).isEqualTo(canonical.getUrgencyGround());
        assertThat(exchange.getHeader().getInformationAccess().value()).isEqualTo("DIRECT");
    }

    @Test
    void aEuropolRequestReachesPoliceScotlandWithItsAccessibility() {
        IntelligenceMessage canonical = Inbound.example(EUROPOL_REQUEST, "europol-ie-1");

        byte[] ps = Inbound.FORMATS.get("police-scotland-ir-1").fromCanonical(canonical, "police-scotland");
        IntelligenceReport report = JaxbCodec.unmarshal(Inbound.validated(ps, "police-scotland-ir-1"),
                IntelligenceReport.class);

        assertThat(report.getReportHeader().getReportType()).isEqualTo(ReportType.RFI);
        assertThat(report.getReportHeader().getUrgencyJustification()).startsWith("A coordinated action day");
        assertThat(report.getReportHeader().getInformationAccess().value()).isEqualTo("DIRECT");
    }

    @Test
    void anNcaRequestKeepsItsIndirectAccessibilityToPoliceScotland() {
        IntelligenceMessage canonical = Inbound.example(NCA_REQUEST, "uk-agency-5x5x5-1");
        assertThat(canonical.getInformationAccess()).isEqualTo(InformationAccess.INDIRECT);

        byte[] ps = Inbound.FORMATS.get("police-scotland-ir-1").fromCanonical(canonical, "police-scotland");

        assertThat(JaxbCodec.unmarshal(Inbound.validated(ps, "police-scotland-ir-1"), IntelligenceReport.class)
                .getReportHeader().getInformationAccess().value()).isEqualTo("INDIRECT");
    }

    @Test
    void aMessageThatStatesNoAccessibilityLeavesItOut() {
        IntelligenceMessage canonical = Inbound.example(
                "police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml", "police-scotland-ir-1");
        assertThat(canonical.getInformationAccess()).isNull();

        byte[] europol = Inbound.FORMATS.get("europol-ie-1").fromCanonical(canonical, "europol");

        assertThat(new String(europol, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("InformationAccess");
    }
}
