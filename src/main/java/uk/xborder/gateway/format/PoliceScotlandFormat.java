package uk.xborder.gateway.format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.schema.canonical.Classification;
import uk.xborder.gateway.schema.canonical.ClassificationSchemeCode;
import uk.xborder.gateway.schema.canonical.Grading;
import uk.xborder.gateway.schema.canonical.GradingSchemeCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Item;
import uk.xborder.gateway.schema.canonical.Items;
import uk.xborder.gateway.schema.canonical.MessageType;
import uk.xborder.gateway.schema.canonical.Originator;
import uk.xborder.gateway.schema.policescotland.CaseReference;
import uk.xborder.gateway.schema.policescotland.CaseReferences;
import uk.xborder.gateway.schema.policescotland.CrimeArea;
import uk.xborder.gateway.schema.policescotland.CrimeAreas;
import uk.xborder.gateway.schema.policescotland.DisseminationList;
import uk.xborder.gateway.schema.policescotland.Division;
import uk.xborder.gateway.schema.policescotland.ExternalOriginator;
import uk.xborder.gateway.schema.policescotland.GovernmentSecurityClassification;
import uk.xborder.gateway.schema.policescotland.GscMarking;
import uk.xborder.gateway.schema.policescotland.Handling;
import uk.xborder.gateway.schema.policescotland.HandlingCode;
import uk.xborder.gateway.schema.policescotland.InformationAccess;
import uk.xborder.gateway.schema.policescotland.IntelligenceAssessment;
import uk.xborder.gateway.schema.policescotland.IntelligenceItem;
import uk.xborder.gateway.schema.policescotland.IntelligenceItems;
import uk.xborder.gateway.schema.policescotland.IntelligenceReport;
import uk.xborder.gateway.schema.policescotland.PersonalDataCategories;
import uk.xborder.gateway.schema.policescotland.PersonalDataCategory;
import uk.xborder.gateway.schema.policescotland.Priority;
import uk.xborder.gateway.schema.policescotland.Recipient;
import uk.xborder.gateway.schema.policescotland.ReportHeader;
import uk.xborder.gateway.schema.policescotland.ReportType;
import uk.xborder.gateway.schema.policescotland.Sender;
import uk.xborder.gateway.schema.policescotland.SubmittingOfficer;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.PublicSchema;

/**
 * Police Scotland intelligence report ({@code police-scotland-ir-1}) to and from the canonical message. Marking is
 * UK GSC and grading and handling are 3x5x2; messages from partners are converted into those schemes on the way in
 * to Police Scotland.
 *
 * <p>A report submitted by a Police Scotland officer names the officer's division; in the canonical message that
 * becomes the unit "G Division" (or "G Division, Department"), and is recognised again on the way back.
 */
final class PoliceScotlandFormat extends BuiltInFormat {

    static final String ORGANISATION = "Police Scotland";
    private static final Pattern DIVISION_UNIT = Pattern.compile("([A-Z]{1,3}) Division(?:, (.+))?");
    private static final Pattern OFFICER_REFERENCE =
            Pattern.compile("(PC|DC|PS|DS|INSP|DI|CI|DCI|SUPT|DSUPT|CSUPT|DCSUPT|STAFF) [0-9]{4,8}");

    private static final Vocabulary<ReportType, MessageType> TYPES =
            Vocabulary.between(ReportType.class, MessageType.class)
                    .pair(ReportType.IR, MessageType.INTELLIGENCE_REPORT)
                    .pair(ReportType.RFI, MessageType.REQUEST_FOR_INFORMATION)
                    .pair(ReportType.RFI_RESPONSE, MessageType.RESPONSE)
                    .pair(ReportType.REFUSAL, MessageType.REFUSAL)
                    .pair(ReportType.HIT_NOTIFICATION, MessageType.HIT_NOTIFICATION)
                    .pair(ReportType.ACKNOWLEDGEMENT, MessageType.ACKNOWLEDGEMENT)
                    .build();
    private static final Vocabulary<Priority, uk.xborder.gateway.schema.canonical.Priority> PRIORITIES =
            Vocabulary.sameNames(Priority.class, uk.xborder.gateway.schema.canonical.Priority.class);
    private static final Vocabulary<PersonalDataCategory,
            uk.xborder.gateway.schema.canonical.PersonalDataCategory> CATEGORIES = Vocabulary.sameNames(
                    PersonalDataCategory.class, uk.xborder.gateway.schema.canonical.PersonalDataCategory.class);
    private static final Vocabulary<CrimeArea, uk.xborder.gateway.schema.canonical.CrimeArea> CRIME_AREAS =
            Vocabulary.sameNames(CrimeArea.class, uk.xborder.gateway.schema.canonical.CrimeArea.class);
    private static final Vocabulary<InformationAccess, uk.xborder.gateway.schema.canonical.InformationAccess>
            ACCESS = Vocabulary.sameNames(InformationAccess.class,
                    uk.xborder.gateway.schema.canonical.InformationAccess.class);

    PoliceScotlandFormat(FormatSupport support) {
        super(PublicSchema.POLICE_SCOTLAND_INTELLIGENCE_REPORT, "urn:police-scotland:intelligence-report:1", support,
                List.of("IntelligenceReport", "ReportHeader", "Sender", "PartyId"),
                List.of("IntelligenceReport", "ReportHeader", "ReportURN"));
    }

    // ------------------------------------------------------------------ Police Scotland -> canonical

    @Override
    public IntelligenceMessage toCanonical(Document validatedDocument) {
        IntelligenceReport report = JaxbCodec.unmarshal(validatedDocument, IntelligenceReport.class);
        Handling handling = report.getHandling();
        if (handling.getHandlingCode() == HandlingCode.C && CanonicalRules.isBlank(handling.getHandlingConditions())) {
            throw schemaInvalid(validatedDocument, "HandlingCode",
                    "handling code C (sharing with conditions) requires HandlingConditions, and none are given.");
        }
        ReportHeader header = report.getReportHeader();
        IntelligenceMessage message = new IntelligenceMessage();
        message.setMessageId(header.getReportURN());
        message.setCorrelationId(header.getRelatedReportURN());
        message.setInReplyTo(header.getInResponseToURN());
        message.setCaseReferences(caseReferencesToCanonical(report.getCaseReferences()));
        message.setMessageType(TYPES.canonical(header.getReportType()));
        message.setSender(CanonicalParts.sender(header.getSender().getPartyId(), header.getSender().getName()));
        message.setOriginator(originatorToCanonical(report));
        message.setRecipients(CanonicalParts.recipients(
                report.getDisseminationList().getRecipient().stream().map(Recipient::getPartyId).toList()));
        message.setCreated(header.getCreatedDateTime());
        GovernmentSecurityClassification gsc = report.getGovernmentSecurityClassification();
        message.setClassification(CanonicalParts.classification(ClassificationSchemeCode.UK_GSC,
                gsc.getMarking().value(), gsc.getDescriptor(), gsc.getCaveat()));
        message.setHandling(CanonicalParts.handling(GradingSchemeCode.UK_3X5X2, handling.getHandlingCode().value(),
                handling.getHandlingConditions()));
        message.setPriority(PRIORITIES.canonical(header.getPriority()));
        message.setUrgencyGround(header.getUrgencyJustification());
        message.setResponseDue(header.getResponseRequiredBy());
        message.setInformationAccess(ACCESS.canonical(header.getInformationAccess()));
        message.setLegalBasis(report.getLegalBasisForInternationalTransfer());
        message.setPurpose(report.getPurpose());
        if (report.getPersonalDataCategories() != null) {
            message.setPersonalDataCategories(CanonicalParts.personalDataCategories(
                    report.getPersonalDataCategories().getCategory().stream().map(CATEGORIES::canonical).toList()));
        }
        if (report.getCrimeAreas() != null) {
            message.setCrimeAreas(CanonicalParts.crimeAreas(
                    report.getCrimeAreas().getCrimeArea().stream().map(CRIME_AREAS::canonical).toList()));
        }
        message.setSubject(report.getSubject());
        Items items = new Items();
        for (IntelligenceItem source : report.getIntelligenceItems().getIntelligenceItem()) {
            items.getItem().add(CanonicalParts.item(source.getItemNumber(), source.getItemText(),
                    GradingSchemeCode.UK_3X5X2, source.getSourceEvaluation(),
                    source.getIntelligenceAssessment().value()));
        }
        message.setItems(items);
        return support.checkedCanonical(message, id());
    }

    private static Originator originatorToCanonical(IntelligenceReport report) {
        SubmittingOfficer officer = report.getSubmittingOfficer();
        if (officer != null) {
            String unit = officer.getDivision().value() + " Division"
                    + (officer.getDepartment() == null ? "" : ", " + officer.getDepartment());
            return CanonicalParts.originator(ORGANISATION, unit, officer.getOfficerReference());
        }
        ExternalOriginator external = report.getExternalOriginator();
        return CanonicalParts.originator(external.getOrganisation(), external.getUnit(), external.getReference());
    }

    private static uk.xborder.gateway.schema.canonical.CaseReferences caseReferencesToCanonical(
            CaseReferences references) {
        if (references == null) {
            return null;
        }
        uk.xborder.gateway.schema.canonical.CaseReferences canonical =
                new uk.xborder.gateway.schema.canonical.CaseReferences();
        for (CaseReference reference : references.getCaseReference()) {
            canonical.getCaseReference().add(CanonicalParts.caseReference(reference.getSystem(), reference.getValue()));
        }
        return canonical;
    }

    // ------------------------------------------------------------------ canonical -> Police Scotland

    @Override
    public byte[] fromCanonical(IntelligenceMessage message, String recipientPartyId) {
        FormatSupport.requireAddressee(message, recipientPartyId);
        support.checkCanonicalRules(message);
        SchemeConversion conversion = support.conversion();

        IntelligenceReport report = new IntelligenceReport();
        ReportHeader header = new ReportHeader();
        header.setReportURN(message.getMessageId());
        header.setReportType(TYPES.format(message.getMessageType()));
        header.setRelatedReportURN(message.getCorrelationId());
        header.setInResponseToURN(message.getInReplyTo());
        Sender sender = new Sender();
        sender.setPartyId(message.getSender().getPartyId());
        sender.setName(message.getSender().getName());
        header.setSender(sender);
        header.setCreatedDateTime(message.getCreated());
        header.setPriority(PRIORITIES.format(message.getPriority()));
        header.setUrgencyJustification(message.getUrgencyGround());
        header.setResponseRequiredBy(message.getResponseDue());
        header.setInformationAccess(ACCESS.format(message.getInformationAccess()));
        report.setReportHeader(header);
        originatorFromCanonical(message.getOriginator(), report);
        report.setCaseReferences(caseReferencesFromCanonical(message.getCaseReferences()));

        Classification classification = message.getClassification();
        GovernmentSecurityClassification gsc = new GovernmentSecurityClassification();
        gsc.setMarking(GscMarking.fromValue(conversion.level(classification, ClassificationScheme.UK_GSC)));
        gsc.getDescriptor().addAll(classification.getDescriptor());
        gsc.getCaveat().addAll(classification.getCaveat());
        report.setGovernmentSecurityClassification(gsc);

        SchemeConversion.ConvertedHandling converted = conversion.handling(message.getHandling(), GradingScheme.UK_3X5X2);
        Handling handling = new Handling();
        handling.setHandlingCode(HandlingCode.fromValue(converted.code()));
        handling.setHandlingConditions(converted.conditions().orElse(null));
        report.setHandling(handling);

        report.setSubject(message.getSubject());
        report.setPurpose(message.getPurpose());
        report.setLegalBasisForInternationalTransfer(message.getLegalBasis());
        if (message.getPersonalDataCategories() != null) {
            PersonalDataCategories categories = new PersonalDataCategories();
            message.getPersonalDataCategories().getCategory().forEach(c -> categories.getCategory().add(CATEGORIES.format(c)));
            report.setPersonalDataCategories(categories);
        }
        if (message.getCrimeAreas() != null) {
            CrimeAreas areas = new CrimeAreas();
            message.getCrimeAreas().getCrimeArea().forEach(a -> areas.getCrimeArea().add(CRIME_AREAS.format(a)));
            report.setCrimeAreas(areas);
        }

        IntelligenceItems items = new IntelligenceItems();
        for (Item item : message.getItems().getItem()) {
            Grading grading = item.getGrading();
            IntelligenceItem target = new IntelligenceItem();
            target.setItemNumber(item.getSequence());
            target.setItemText(item.getText());
            target.setSourceEvaluation(conversion.source(grading, GradingScheme.UK_3X5X2));
            target.setIntelligenceAssessment(
                    IntelligenceAssessment.fromValue(conversion.information(grading, GradingScheme.UK_3X5X2)));
            items.getIntelligenceItem().add(target);
        }
        report.setIntelligenceItems(items);

        DisseminationList dissemination = new DisseminationList();
        Recipient addressee = new Recipient();
        addressee.setPartyId(recipientPartyId);
        dissemination.getRecipient().add(addressee);
        report.setDisseminationList(dissemination);
        report.setTranslationNote(support.translationNote(message, id(), ClassificationScheme.UK_GSC,
                GradingScheme.UK_3X5X2).orElse(null));
        return emit(report);
    }

    /** A Police Scotland officer's division and reference are restored; anyone else is an external originator. */
    private static void originatorFromCanonical(Originator originator, IntelligenceReport report) {
        Matcher division = originator.getUnit() == null ? null : DIVISION_UNIT.matcher(originator.getUnit());
        if (ORGANISATION.equals(originator.getOrganisation()) && division != null && division.matches()
                && isDivision(division.group(1)) && originator.getOfficerReference() != null
                && OFFICER_REFERENCE.matcher(originator.getOfficerReference()).matches()
                && (division.group(2) == null || division.group(2).length() <= 150)) {
            SubmittingOfficer officer = new SubmittingOfficer();
            officer.setOfficerReference(originator.getOfficerReference());
            officer.setDivision(Division.fromValue(division.group(1)));
            officer.setDepartment(division.group(2));
            report.setSubmittingOfficer(officer);
            return;
        }
        ExternalOriginator external = new ExternalOriginator();
        external.setOrganisation(originator.getOrganisation());
        external.setUnit(originator.getUnit());
        external.setReference(originator.getOfficerReference());
        report.setExternalOriginator(external);
    }

    private static boolean isDivision(String code) {
        for (Division division : Division.values()) {
            if (division.value().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static CaseReferences caseReferencesFromCanonical(
            uk.xborder.gateway.schema.canonical.CaseReferences references) {
        if (references == null) {
            return null;
        }
        CaseReferences target = new CaseReferences();
        for (uk.xborder.gateway.schema.canonical.CaseReference reference : references.getCaseReference()) {
            CaseReference copy = new CaseReference();
            copy.setSystem(reference.getSystem());
            copy.setValue(reference.getValue());
            target.getCaseReference().add(copy);
        }
        return target;
    }
}
