package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.NoSafeMappingException;
import uk.xborder.gateway.schema.canonical.ClassificationSchemeCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.europol.ClassificationLevel;
import uk.xborder.gateway.schema.europol.InformationExchange;
import uk.xborder.gateway.schema.policescotland.GscMarking;
import uk.xborder.gateway.schema.policescotland.HandlingCode;
import uk.xborder.gateway.schema.policescotland.IntelligenceReport;
import uk.xborder.gateway.schema.policescotland.ReportType;
import uk.xborder.gateway.xml.JaxbCodec;

/** Inbound to UK agencies: partners' messages delivered to Police Scotland and the NCA in their own formats. */
class PartnersToAgenciesTest {

    private static final GradingTables GRADING = GradingTables.loadDefault();
    private static final String IE_REPLY = "europol/valid/spoc-ie-reply-to-police-scotland.xml";
    private static final String EUROPOL_HIT = "europol/valid/europol-hit-basic-protection.xml";
    private static final String NCA_LOG = "uk-agency/valid/nca-log-firearms-police-scotland-europol.xml";

    private final MessageFormat policeScotland = Inbound.FORMATS.get("police-scotland-ir-1");
    private final MessageFormat europol = Inbound.FORMATS.get("europol-ie-1");

    @Test
    void irishReplyReachesPoliceScotlandIn3x5x2AndGsc() {
        IntelligenceMessage reply = Inbound.example(IE_REPLY, "europol-ie-1");
        String restriction = reply.getHandling().getConditions();

        IntelligenceReport out = deliverToPoliceScotland(reply);

        assertThat(out.getReportHeader().getReportURN()).isEqualTo("IE-SPOC-2026-118604");
        assertThat(out.getReportHeader().getReportType()).isEqualTo(ReportType.RFI_RESPONSE);
        assertThat(out.getReportHeader().getInResponseToURN()).isEqualTo("PS-IR-2026-E-000932");
        assertThat(out.getReportHeader().getSender().getPartyId()).isEqualTo("spoc-ie");
        assertThat(out.getSubmittingOfficer()).isNull();
        assertThat(out.getExternalOriginator().getOrganisation()).isEqualTo("An Garda Siochana");
        assertThat(out.getGovernmentSecurityClassification().getMarking()).isEqualTo(GscMarking.OFFICIAL_SENSITIVE);
        // Europol H3 becomes 3x5x2 C: the table's condition first, then the provider's restriction, unchanged.
        assertThat(out.getHandling().getHandlingCode()).isEqualTo(HandlingCode.C);
        assertThat(out.getHandling().getHandlingConditions()).isEqualTo(
                GRADING.handlingCondition(GradingScheme.EUROPOL, "H3", GradingScheme.UK_3X5X2).orElseThrow()
                        + "\n" + restriction);
        // B2 -> 1/A, X4 -> 2/D.
        assertThat(out.getIntelligenceItems().getIntelligenceItem())
                .extracting(i -> i.getItemNumber() + ":" + i.getSourceEvaluation() + i.getIntelligenceAssessment())
                .containsExactly("1:1A", "2:2D");
        assertThat(out.getPersonalDataCategories().getCategory()).extracting(Enum::name)
                .containsExactly("VICTIM", "POTENTIAL_OFFENDER");
        assertThat(out.getTranslationNote()).contains("EU to UK_GSC").contains("EUROPOL to UK_3X5X2");
    }

    @Test
    void basicProtectionSurvivesTheCanonicalModel() {
        IntelligenceMessage hit = Inbound.example(EUROPOL_HIT, "europol-ie-1");

        assertThat(hit.getClassification().getScheme()).isEqualTo(ClassificationSchemeCode.EU);
        assertThat(hit.getClassification().getLevel()).isEqualTo("UNCLASSIFIED");
        assertThat(hit.getClassification().getDescriptor()).containsExactly(EuropolFormat.BASIC_PROTECTION);

        InformationExchange back = JaxbCodec.unmarshal(
                Inbound.validated(europol.fromCanonical(hit, "nca"), "europol-ie-1"), InformationExchange.class);
        assertThat(back.getClassification().getLevel()).isEqualTo(ClassificationLevel.BASIC_PROTECTION);
        assertThat(back.getClassification().getDescriptor()).isEmpty();
        assertThat(back.getClassification().getCaveat()).containsExactly("REL TO UK");

        IntelligenceReport toPolice = deliverToPoliceScotland(hit);
        assertThat(toPolice.getGovernmentSecurityClassification().getMarking()).isEqualTo(GscMarking.OFFICIAL);
        assertThat(toPolice.getGovernmentSecurityClassification().getDescriptor())
                .containsExactly(EuropolFormat.BASIC_PROTECTION);
        assertThat(toPolice.getHandling().getHandlingCode()).isEqualTo(HandlingCode.C);
        assertThat(toPolice.getIntelligenceItems().getIntelligenceItem().get(0).getSourceEvaluation()).isEqualTo("1");
    }

    @Test
    void ncaLogReachesPoliceScotlandAndEuropol() {
        IntelligenceMessage log = Inbound.example(NCA_LOG, "uk-agency-5x5x5-1");

        IntelligenceReport toPolice = deliverToPoliceScotland(log);
        assertThat(toPolice.getExternalOriginator().getOrganisation()).isEqualTo("National Crime Agency");
        assertThat(toPolice.getGovernmentSecurityClassification().getMarking()).isEqualTo(GscMarking.OFFICIAL_SENSITIVE);
        assertThat(toPolice.getHandling().getHandlingCode()).isEqualTo(HandlingCode.C);
        assertThat(toPolice.getHandling().getHandlingConditions()).startsWith("5x5x5 handling code 1");
        assertThat(toPolice.getIntelligenceItems().getIntelligenceItem())
                .extracting(i -> i.getSourceEvaluation() + i.getIntelligenceAssessment())
                .containsExactly("1A", "3B");

        InformationExchange toEuropol = JaxbCodec.unmarshal(
                Inbound.validated(europol.fromCanonical(log, "europol"), "europol-ie-1"), InformationExchange.class);
        assertThat(toEuropol.getClassification().getLevel()).isEqualTo(ClassificationLevel.RESTREINT_UE);
        assertThat(toEuropol.getHandling().getCode().value()).isEqualTo("H0");
        assertThat(toEuropol.getInformationItems().getInformationItem())
                .extracting(i -> i.getSourceReliability().value() + i.getInformationAccuracy())
                .containsExactly("B2", "C3");
    }

    @Test
    void originatingAgencyOnlyHandlingNeverLeavesTheAgency() {
        IntelligenceMessage log = Inbound.example(NCA_LOG, "uk-agency-5x5x5-1");
        log.getHandling().setCode("4");

        assertThatThrownBy(() -> europol.fromCanonical(log, "europol")).isInstanceOf(NoSafeMappingException.class);
        assertThatThrownBy(() -> policeScotland.fromCanonical(log, "police-scotland"))
                .isInstanceOf(NoSafeMappingException.class);
    }

    private IntelligenceReport deliverToPoliceScotland(IntelligenceMessage message) {
        byte[] xml = policeScotland.fromCanonical(message, "police-scotland");
        return JaxbCodec.unmarshal(Inbound.validated(xml, "police-scotland-ir-1"), IntelligenceReport.class);
    }
}
