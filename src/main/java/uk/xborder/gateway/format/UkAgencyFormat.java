package uk.xborder.gateway.format;

import java.util.List;
import org.w3c.dom.Document;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.schema.canonical.CaseReferences;
import uk.xborder.gateway.schema.canonical.Classification;
import uk.xborder.gateway.schema.canonical.ClassificationSchemeCode;
import uk.xborder.gateway.schema.canonical.Grading;
import uk.xborder.gateway.schema.canonical.GradingSchemeCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Item;
import uk.xborder.gateway.schema.canonical.Items;
import uk.xborder.gateway.schema.canonical.MessageType;
import uk.xborder.gateway.schema.canonical.Priority;
import uk.xborder.gateway.schema.ukagency.CrimeArea;
import uk.xborder.gateway.schema.ukagency.CrimeAreas;
import uk.xborder.gateway.schema.ukagency.DataSubjectCategories;
import uk.xborder.gateway.schema.ukagency.DataSubjectCategory;
import uk.xborder.gateway.schema.ukagency.Entries;
import uk.xborder.gateway.schema.ukagency.Entry;
import uk.xborder.gateway.schema.ukagency.GscClassification;
import uk.xborder.gateway.schema.ukagency.Handling;
import uk.xborder.gateway.schema.ukagency.InformationAccess;
import uk.xborder.gateway.schema.ukagency.IntelligenceLog;
import uk.xborder.gateway.schema.ukagency.LogType;
import uk.xborder.gateway.schema.ukagency.OperationReference;
import uk.xborder.gateway.schema.ukagency.OperationReferences;
import uk.xborder.gateway.schema.ukagency.Originator;
import uk.xborder.gateway.schema.ukagency.Precedence;
import uk.xborder.gateway.schema.ukagency.ProtectiveMarking;
import uk.xborder.gateway.schema.ukagency.Recipients;
import uk.xborder.gateway.schema.ukagency.Sender;
import uk.xborder.gateway.schema.ukagency.SourceEvaluation;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.PublicSchema;

/**
 * UK agency intelligence log ({@code uk-agency-5x5x5-1}) to and from the canonical message. Marking is UK GSC;
 * grading is 5x5x5 per entry and handling 5x5x5 for the whole log, as on the 5x5x5 form.
 */
final class UkAgencyFormat extends BuiltInFormat {

    private static final Vocabulary<LogType, MessageType> TYPES =
            Vocabulary.between(LogType.class, MessageType.class)
                    .pair(LogType.INTELLIGENCE, MessageType.INTELLIGENCE_REPORT)
                    .pair(LogType.REQUEST, MessageType.REQUEST_FOR_INFORMATION)
                    .pair(LogType.REPLY, MessageType.RESPONSE)
                    .pair(LogType.DECLINE, MessageType.REFUSAL)
                    .pair(LogType.MATCH, MessageType.HIT_NOTIFICATION)
                    .pair(LogType.ACKNOWLEDGEMENT, MessageType.ACKNOWLEDGEMENT)
                    .build();
    private static final Vocabulary<Precedence, Priority> PRECEDENCES =
            Vocabulary.sameNames(Precedence.class, Priority.class);
    private static final Vocabulary<DataSubjectCategory, uk.xborder.gateway.schema.canonical.PersonalDataCategory>
            CATEGORIES = Vocabulary.sameNames(DataSubjectCategory.class,
                    uk.xborder.gateway.schema.canonical.PersonalDataCategory.class);
    private static final Vocabulary<CrimeArea, uk.xborder.gateway.schema.canonical.CrimeArea> CRIME_AREAS =
            Vocabulary.sameNames(CrimeArea.class, uk.xborder.gateway.schema.canonical.CrimeArea.class);
    private static final Vocabulary<InformationAccess, uk.xborder.gateway.schema.canonical.InformationAccess>
            ACCESS = Vocabulary.sameNames(InformationAccess.class,
                    uk.xborder.gateway.schema.canonical.InformationAccess.class);

    UkAgencyFormat(FormatSupport support) {
        super(PublicSchema.UK_AGENCY_INTELLIGENCE_LOG, "urn:uk-agency:intelligence-log:1", support,
                List.of("IntelligenceLog", "Sender", "AgencyPartyId"),
                List.of("IntelligenceLog", "LogReference"));
    }

    // ------------------------------------------------------------------ UK agency -> canonical

    @Override
    public IntelligenceMessage toCanonical(Document validatedDocument) {
        IntelligenceLog log = JaxbCodec.unmarshal(validatedDocument, IntelligenceLog.class);
        Handling handling = log.getHandling();
        if (HandlingRules.needsConditions(GradingScheme.UK_5X5X5, handling.getHandlingCode())
                && CanonicalRules.isBlank(handling.getHandlingInstructions())) {
            throw schemaInvalid(validatedDocument, "HandlingCode", "handling code 5 (special handling requirements)"
                    + " requires HandlingInstructions, and none are given.");
        }
        IntelligenceMessage message = new IntelligenceMessage();
        message.setMessageId(log.getLogReference());
        message.setCorrelationId(log.getLinkedLogReference());
        message.setInReplyTo(log.getRepliesTo());
        if (log.getOperationReferences() != null) {
            CaseReferences references = new CaseReferences();
            for (OperationReference reference : log.getOperationReferences().getOperationReference()) {
                references.getCaseReference().add(
                        CanonicalParts.caseReference(reference.getSystem(), reference.getValue()));
            }
            message.setCaseReferences(references);
        }
        message.setMessageType(TYPES.canonical(log.getLogType()));
        message.setSender(CanonicalParts.sender(log.getSender().getAgencyPartyId(), log.getSender().getAgencyName()));
        Originator originator = log.getOriginator();
        message.setOriginator(CanonicalParts.originator(originator.getOrganisation(), originator.getUnit(),
                originator.getOfficerReference()));
        message.setRecipients(CanonicalParts.recipients(log.getRecipients().getRecipient()));
        message.setCreated(log.getRecordedAt());
        ProtectiveMarking marking = log.getProtectiveMarking();
        message.setClassification(CanonicalParts.classification(ClassificationSchemeCode.UK_GSC,
                marking.getClassification().value(), marking.getDescriptor(), marking.getCaveat()));
        message.setHandling(CanonicalParts.handling(GradingSchemeCode.UK_5X5X5, handling.getHandlingCode(),
                handling.getHandlingInstructions()));
        message.setPriority(PRECEDENCES.canonical(log.getPrecedence()));
        message.setUrgencyGround(log.getUrgencyReason());
        message.setResponseDue(log.getReplyRequiredBy());
        message.setInformationAccess(ACCESS.canonical(log.getInformationAccess()));
        message.setLegalBasis(log.getLegalBasis());
        message.setPurpose(log.getPurpose());
        if (log.getDataSubjectCategories() != null) {
            message.setPersonalDataCategories(CanonicalParts.personalDataCategories(
                    log.getDataSubjectCategories().getCategory().stream().map(CATEGORIES::canonical).toList()));
        }
        if (log.getCrimeAreas() != null) {
            message.setCrimeAreas(CanonicalParts.crimeAreas(
                    log.getCrimeAreas().getCrimeArea().stream().map(CRIME_AREAS::canonical).toList()));
        }
        message.setSubject(log.getSummary());
        Items items = new Items();
        for (Entry entry : log.getEntries().getEntry()) {
            items.getItem().add(CanonicalParts.item(entry.getSeq(), entry.getText(), GradingSchemeCode.UK_5X5X5,
                    entry.getSourceEvaluation().value(), entry.getIntelligenceEvaluation()));
        }
        message.setItems(items);
        return support.checkedCanonical(message, id());
    }

    // ------------------------------------------------------------------ canonical -> UK agency

    @Override
    public byte[] fromCanonical(IntelligenceMessage message, String recipientPartyId) {
        FormatSupport.requireAddressee(message, recipientPartyId);
        support.checkCanonicalRules(message);
        SchemeConversion conversion = support.conversion();

        IntelligenceLog log = new IntelligenceLog();
        log.setLogReference(message.getMessageId());
        log.setLogType(TYPES.format(message.getMessageType()));
        log.setLinkedLogReference(message.getCorrelationId());
        log.setRepliesTo(message.getInReplyTo());
        if (message.getCaseReferences() != null) {
            OperationReferences references = new OperationReferences();
            for (uk.xborder.gateway.schema.canonical.CaseReference reference
                    : message.getCaseReferences().getCaseReference()) {
                OperationReference copy = new OperationReference();
                copy.setSystem(reference.getSystem());
                copy.setValue(reference.getValue());
                references.getOperationReference().add(copy);
            }
            log.setOperationReferences(references);
        }
        Sender sender = new Sender();
        sender.setAgencyPartyId(message.getSender().getPartyId());
        sender.setAgencyName(message.getSender().getName());
        log.setSender(sender);
        Originator originator = new Originator();
        originator.setOrganisation(message.getOriginator().getOrganisation());
        originator.setUnit(message.getOriginator().getUnit());
        originator.setOfficerReference(message.getOriginator().getOfficerReference());
        log.setOriginator(originator);
        log.setRecordedAt(message.getCreated());

        Classification classification = message.getClassification();
        ProtectiveMarking marking = new ProtectiveMarking();
        marking.setClassification(
                GscClassification.fromValue(conversion.level(classification, ClassificationScheme.UK_GSC)));
        marking.getDescriptor().addAll(classification.getDescriptor());
        marking.getCaveat().addAll(classification.getCaveat());
        log.setProtectiveMarking(marking);

        log.setPrecedence(PRECEDENCES.format(message.getPriority()));
        log.setUrgencyReason(message.getUrgencyGround());
        log.setReplyRequiredBy(message.getResponseDue());
        log.setInformationAccess(ACCESS.format(message.getInformationAccess()));
        log.setSummary(message.getSubject());
        log.setPurpose(message.getPurpose());
        log.setLegalBasis(message.getLegalBasis());
        if (message.getPersonalDataCategories() != null) {
            DataSubjectCategories categories = new DataSubjectCategories();
            message.getPersonalDataCategories().getCategory().forEach(c -> categories.getCategory().add(CATEGORIES.format(c)));
            log.setDataSubjectCategories(categories);
        }
        if (message.getCrimeAreas() != null) {
            CrimeAreas areas = new CrimeAreas();
            message.getCrimeAreas().getCrimeArea().forEach(a -> areas.getCrimeArea().add(CRIME_AREAS.format(a)));
            log.setCrimeAreas(areas);
        }

        SchemeConversion.ConvertedHandling converted = conversion.handling(message.getHandling(), GradingScheme.UK_5X5X5);
        Handling handling = new Handling();
        handling.setHandlingCode(converted.code());
        handling.setHandlingInstructions(converted.conditions().orElse(null));
        log.setHandling(handling);

        Recipients recipients = new Recipients();
        recipients.getRecipient().add(recipientPartyId);
        log.setRecipients(recipients);

        Entries entries = new Entries();
        for (Item item : message.getItems().getItem()) {
            Grading grading = item.getGrading();
            Entry entry = new Entry();
            entry.setSeq(item.getSequence());
            entry.setSourceEvaluation(SourceEvaluation.fromValue(conversion.source(grading, GradingScheme.UK_5X5X5)));
            entry.setIntelligenceEvaluation(conversion.information(grading, GradingScheme.UK_5X5X5));
            entry.setText(item.getText());
            entries.getEntry().add(entry);
        }
        log.setEntries(entries);
        log.setTranslationNote(support.translationNote(message, id(), ClassificationScheme.UK_GSC,
                GradingScheme.UK_5X5X5).orElse(null));
        return emit(log);
    }
}
