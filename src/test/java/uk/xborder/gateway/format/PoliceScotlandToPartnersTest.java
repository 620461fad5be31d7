package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.message.NoSafeMappingException;
import uk.xborder.gateway.schema.canonical.ClassificationSchemeCode;
import uk.xborder.gateway.schema.canonical.GradingSchemeCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Item;
import uk.xborder.gateway.schema.canonical.MessageType;
import uk.xborder.gateway.schema.canonical.PersonalDataCategory;
import uk.xborder.gateway.schema.canonical.Priority;
import uk.xborder.gateway.schema.canonical.Recipient;
import uk.xborder.gateway.schema.europol.ClassificationLevel;
import uk.xborder.gateway.schema.europol.HandlingCode;
import uk.xborder.gateway.schema.europol.InformationExchange;
import uk.xborder.gateway.schema.europol.InformationItem;
import uk.xborder.gateway.schema.europol.MessageKind;
import uk.xborder.gateway.schema.ukagency.Entry;
import uk.xborder.gateway.schema.ukagency.GscClassification;
import uk.xborder.gateway.schema.ukagency.IntelligenceLog;
import uk.xborder.gateway.schema.ukagency.LogType;
import uk.xborder.gateway.xml.JaxbCodec;

/** The main outbound case: a Police Scotland report to Europol, the Irish SPOC and the NCA. */
class PoliceScotlandToPartnersTest {

    private static final String PS = "police-scotland-ir-1";
    private static final String REPORT = "police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml";
    private static final String RFI = "police-scotland/valid/ps-rfi-conditions-grade-e-spoc-ie.xml";
    private static final GradingTables GRADING = GradingTables.loadDefault();
    private static final MarkingTable MARKING = MarkingTable.loadDefault();

    private final MessageFormat europol = Inbound.FORMATS.get("europol-ie-1");
    private final MessageFormat ukAgency = Inbound.FORMATS.get("uk-agency-5x5x5-1");

    @Test
    void canonicalKeepsEveryFieldAndTheOriginalSchemes() {
        IntelligenceMessage message = Inbound.example(REPORT, PS);

        assertThat(message.getMessageId()).isEqualTo("PS-IR-2026-G-004711");
        assertThat(message.getCorrelationId()).isEqualTo("PS-OP-2026-KESTREL");
        assertThat(message.getInReplyTo()).isNull();
        assertThat(message.getCaseReferences().getCaseReference())
                .extracting(r -> r.getSystem() + "=" + r.getValue())
                .containsExactly("SID=SID-2026-0187734", "OPERATION=OP KESTREL");
        assertThat(message.getMessageType()).isEqualTo(MessageType.INTELLIGENCE_REPORT);
        assertThat(message.getSender().getPartyId()).isEqualTo("police-scotland");
        assertThat(message.getSender().getName()).isEqualTo("Police Scotland");
        assertThat(message.getOriginator().getOrganisation()).isEqualTo("Police Scotland");
        assertThat(message.getOriginator().getUnit()).isEqualTo("G Division, Organised Crime and Counter Corruption Unit");
        assertThat(message.getOriginator().getOfficerReference()).isEqualTo("DC 104233");
        assertThat(message.getRecipients().getRecipient()).extracting(Recipient::getPartyId)
                .containsExactly("europol", "spoc-ie", "nca");
        assertThat(message.getCreated()).isEqualTo(OffsetDateTime.parse("2026-11-25T09:14:00Z"));
        assertThat(message.getClassification().getScheme()).isEqualTo(ClassificationSchemeCode.UK_GSC);
        assertThat(message.getClassification().getLevel()).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(message.getClassification().getDescriptor()).containsExactly("PERSONAL");
        assertThat(message.getHandling().getScheme()).isEqualTo(GradingSchemeCode.UK_3X5X2);
        assertThat(message.getHandling().getCode()).isEqualTo("P");
        assertThat(message.getPriority()).isEqualTo(Priority.PRIORITY);
        assertThat(message.getResponseDue()).isEqualTo(OffsetDateTime.parse("2026-12-09T17:00:00Z"));
        assertThat(message.getLegalBasis()).startsWith("Data Protection Act 2018, Part 3");
        assertThat(message.getPurpose()).startsWith("Prevention and detection of serious organised crime");
        assertThat(message.getPersonalDataCategories().getCategory())
                .containsExactly(PersonalDataCategory.SUSPECT, PersonalDataCategory.CONTACT_OR_ASSOCIATE);
        assertThat(message.getItems().getItem()).extracting(PoliceScotlandToPartnersTest::grade)
                .containsExactly("UK_3X5X2 1/A", "UK_3X5X2 2/B", "UK_3X5X2 1/C");
    }

    @Test
    void canonicalIsExactlyThePublishedCanonicalExample() {
        IntelligenceMessage fromReport = Inbound.example(REPORT, PS);
        IntelligenceMessage published = Inbound.example("canonical/valid/canonical-ir-from-police-scotland.xml",
                "canonical-1");

        assertThat(xml(fromReport)).isEqualTo(xml(published));
    }

    @Test
    void toEuropolConvertsMarkingHandlingAndGradesPerTheTables() {
        IntelligenceMessage message = Inbound.example(REPORT, PS);

        byte[] xml = europol.fromCanonical(message, "europol");

        InformationExchange out = JaxbCodec.unmarshal(Inbound.validated(xml, "europol-ie-1"), InformationExchange.class);
        assertThat(out.getHeader().getMessageReference()).isEqualTo("PS-IR-2026-G-004711");
        assertThat(out.getHeader().getMessageKind()).isEqualTo(MessageKind.INFORMATION);
        assertThat(out.getHeader().getConversationReference()).isEqualTo("PS-OP-2026-KESTREL");
        assertThat(out.getHeader().getSender().getPartyId()).isEqualTo("police-scotland");
        assertThat(out.getHeader().getRecipients().getRecipient()).singleElement()
                .satisfies(r -> assertThat(r.getPartyId()).isEqualTo("europol"));
        assertThat(out.getHeader().getCreationDateTime()).isEqualTo(message.getCreated());
        assertThat(out.getHeader().getReplyExpectedBy()).isEqualTo(message.getResponseDue());
        assertThat(out.getHeader().getOriginatingUnit().getContactReference()).isEqualTo("DC 104233");
        assertThat(out.getClassification().getLevel()).isEqualTo(ClassificationLevel.RESTREINT_UE);
        assertThat(out.getClassification().getLevel().value())
                .isEqualTo(MARKING.convert(uk.xborder.gateway.message.ClassificationScheme.UK_GSC,
                        "OFFICIAL-SENSITIVE", uk.xborder.gateway.message.ClassificationScheme.EU));
        assertThat(out.getClassification().getDescriptor()).containsExactly("PERSONAL");
        assertThat(out.getHandling().getCode()).isEqualTo(HandlingCode.H0);
        assertThat(out.getHandling().getRestriction()).isNull();
        assertThat(out.getLegalBasis()).isEqualTo(message.getLegalBasis());
        assertThat(out.getPurpose()).isEqualTo(message.getPurpose());
        assertThat(out.getSubject()).isEqualTo(message.getSubject());
        assertThat(out.getPersonalDataCategories().getCategory()).extracting(Enum::name)
                .containsExactly("SUSPECTS", "CONTACTS_AND_ASSOCIATES");
        assertThat(out.getCrimeAreas().getCrimeArea()).extracting(Enum::name)
                .containsExactly("DRUG_TRAFFICKING", "MONEY_LAUNDERING");
        assertThat(out.getCaseReferences().getCaseReference()).extracting(r -> r.getSystem() + "=" + r.getValue())
                .containsExactly("SID=SID-2026-0187734", "OPERATION=OP KESTREL");
        // 3x5x2 1/A, 2/B, 1/C: reliable -> B (never A), untested -> X; A -> 2, B -> 3, C -> 4.
        assertThat(out.getInformationItems().getInformationItem())
                .extracting(i -> i.getNumber() + ":" + i.getSourceReliability().value() + i.getInformationAccuracy())
                .containsExactly("1:B2", "2:X3", "3:B4");
        for (int i = 0; i < 3; i++) {
            Item original = message.getItems().getItem().get(i);
            InformationItem converted = out.getInformationItems().getInformationItem().get(i);
            assertThat(converted.getContent()).isEqualTo(original.getText());
            assertThat(converted.getSourceReliability().value()).isEqualTo(GRADING.sourceEvaluation(
                    GradingScheme.UK_3X5X2, original.getGrading().getSource(), GradingScheme.EUROPOL));
            assertThat(converted.getInformationAccuracy()).isEqualTo(GRADING.informationAssessment(
                    GradingScheme.UK_3X5X2, original.getGrading().getInformation(), GradingScheme.EUROPOL));
        }
        assertThat(out.getTranslationNote()).contains("UK_GSC to EU").contains("UK_3X5X2 to EUROPOL")
                .contains(GRADING.version()).contains("classification=");
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("spoc-ie").doesNotContain(">nca<");
    }

    @Test
    void toTheIrishSpocNamesOnlyTheSpoc() {
        IntelligenceMessage message = Inbound.example(REPORT, PS);

        InformationExchange out = JaxbCodec.unmarshal(
                Inbound.validated(europol.fromCanonical(message, "spoc-ie"), "europol-ie-1"), InformationExchange.class);

        assertThat(out.getHeader().getRecipients().getRecipient()).extracting(r -> r.getPartyId())
                .containsExactly("spoc-ie");
    }

    @Test
    void toTheNcaConvertsGradesTo5x5x5() {
        IntelligenceMessage message = Inbound.example(REPORT, PS);

        byte[] xml = ukAgency.fromCanonical(message, "nca");

        IntelligenceLog out = JaxbCodec.unmarshal(Inbound.validated(xml, "uk-agency-5x5x5-1"), IntelligenceLog.class);
        assertThat(out.getLogReference()).isEqualTo("PS-IR-2026-G-004711");
        assertThat(out.getLogType()).isEqualTo(LogType.INTELLIGENCE);
        assertThat(out.getLinkedLogReference()).isEqualTo("PS-OP-2026-KESTREL");
        assertThat(out.getSender().getAgencyPartyId()).isEqualTo("police-scotland");
        assertThat(out.getOriginator().getUnit()).isEqualTo("G Division, Organised Crime and Counter Corruption Unit");
        assertThat(out.getRecipients().getRecipient()).containsExactly("nca");
        assertThat(out.getProtectiveMarking().getClassification()).isEqualTo(GscClassification.OFFICIAL_SENSITIVE);
        assertThat(out.getProtectiveMarking().getDescriptor()).containsExactly("PERSONAL");
        assertThat(out.getHandling().getHandlingCode()).isEqualTo("1");
        assertThat(out.getLegalBasis()).isEqualTo(message.getLegalBasis());
        assertThat(out.getOperationReferences().getOperationReference()).hasSize(2);
        // 3x5x2 1/A, 2/B, 1/C -> 5x5x5 B2, E3, B4.
        assertThat(out.getEntries().getEntry())
                .extracting(e -> e.getSeq() + ":" + e.getSourceEvaluation().value() + e.getIntelligenceEvaluation())
                .containsExactly("1:B2", "2:E3", "3:B4");
        assertThat(out.getEntries().getEntry()).extracting(Entry::getText)
                .containsExactlyElementsOf(message.getItems().getItem().stream().map(Item::getText).toList());
        assertThat(out.getTranslationNote()).contains("grading UK_3X5X2 to UK_5X5X5").doesNotContain("marking");
    }

    @Test
    void aGradeWithNoSafeEuropolMappingRefusesTheRecipient() {
        IntelligenceMessage rfi = Inbound.example(RFI, PS);

        NoSafeMappingException refusal = catchThrowableOfType(NoSafeMappingException.class,
                () -> europol.fromCanonical(rfi, "spoc-ie"));

        assertThat(refusal.reason()).isEqualTo(ReasonCode.NO_SAFE_MAPPING);
        assertThat(refusal.explanation()).contains("UK_3X5X2").contains("EUROPOL");
        assertThat(refusal.explanation()).doesNotContain("Spain").doesNotContain("CCTV");
    }

    @Test
    void handlingConditionsCaveatsAndUrgencyAreCarriedToEuropol() {
        IntelligenceMessage rfi = Inbound.example(RFI, PS);
        rfi.getItems().getItem().removeIf(item -> "E".equals(item.getGrading().getInformation()));
        String originalConditions = rfi.getHandling().getConditions();

        InformationExchange out = JaxbCodec.unmarshal(
                Inbound.validated(europol.fromCanonical(rfi, "spoc-ie"), "europol-ie-1"), InformationExchange.class);

        assertThat(out.getHeader().getMessageKind()).isEqualTo(MessageKind.REQUEST);
        assertThat(out.getHeader().getPriority().name()).isEqualTo("URGENT");
        assertThat(out.getHeader().getUrgencyReason()).isEqualTo(rfi.getUrgencyGround());
        assertThat(out.getHandling().getCode()).isEqualTo(HandlingCode.H3);
        assertThat(out.getHandling().getRestriction())
                .isEqualTo(GRADING.handlingCondition(GradingScheme.UK_3X5X2, "C", GradingScheme.EUROPOL).orElseThrow()
                        + "\n" + originalConditions);
        assertThat(out.getClassification().getLevel()).isEqualTo(ClassificationLevel.RESTREINT_UE);
        assertThat(out.getClassification().getDescriptor()).containsExactly("LOCSEN");
        assertThat(out.getClassification().getCaveat()).containsExactly("NOT FOR ONWARD DISCLOSURE");
        assertThat(out.getPersonalDataCategories().getCategory()).extracting(Enum::name)
                .containsExactly("VICTIMS", "POTENTIAL_FUTURE_OFFENDERS");
    }

    @Test
    void aRecipientTheMessageDoesNotNameIsAProgrammingError() {
        IntelligenceMessage message = Inbound.example(REPORT, PS);

        assertThatThrownBy(() -> europol.fromCanonical(message, "spoc-fr"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void europolRecipientsNeedALegalBasis() {
        IntelligenceMessage message = Inbound.example(REPORT, PS);
        message.setLegalBasis(null);

        assertThatThrownBy(() -> europol.fromCanonical(message, "europol"))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.NO_LEGAL_BASIS));
    }

    @Test
    void fromCanonicalLeavesTheCallersMessageUntouched() {
        IntelligenceMessage message = Inbound.example(REPORT, PS);
        String before = xml(message);

        europol.fromCanonical(message, "europol");
        ukAgency.fromCanonical(message, "nca");
        Inbound.FORMATS.get("canonical-1").fromCanonical(message, "nca");

        assertThat(xml(message)).isEqualTo(before);
    }

    private static String grade(Item item) {
        return item.getGrading().getScheme().value() + " " + item.getGrading().getSource() + "/"
                + item.getGrading().getInformation();
    }

    private static String xml(IntelligenceMessage message) {
        return new String(JaxbCodec.marshal(message), StandardCharsets.UTF_8);
    }
}
