package uk.xborder.gateway.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.NoSafeMappingException;
import uk.xborder.gateway.schema.canonical.CaseReferences;
import uk.xborder.gateway.schema.canonical.ClassificationSchemeCode;
import uk.xborder.gateway.schema.canonical.Grading;
import uk.xborder.gateway.schema.canonical.GradingSchemeCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Item;
import uk.xborder.gateway.schema.canonical.Items;
import uk.xborder.gateway.schema.canonical.MessageType;
import uk.xborder.gateway.schema.europol.CaseReference;
import uk.xborder.gateway.schema.europol.Classification;
import uk.xborder.gateway.schema.europol.ClassificationLevel;
import uk.xborder.gateway.schema.europol.CrimeArea;
import uk.xborder.gateway.schema.europol.CrimeAreas;
import uk.xborder.gateway.schema.europol.Handling;
import uk.xborder.gateway.schema.europol.HandlingCode;
import uk.xborder.gateway.schema.europol.Header;
import uk.xborder.gateway.schema.europol.InformationAccess;
import uk.xborder.gateway.schema.europol.InformationExchange;
import uk.xborder.gateway.schema.europol.InformationItem;
import uk.xborder.gateway.schema.europol.InformationItems;
import uk.xborder.gateway.schema.europol.MessageKind;
import uk.xborder.gateway.schema.europol.OriginatingUnit;
import uk.xborder.gateway.schema.europol.PersonalDataCategories;
import uk.xborder.gateway.schema.europol.PersonalDataCategory;
import uk.xborder.gateway.schema.europol.Priority;
import uk.xborder.gateway.schema.europol.Recipient;
import uk.xborder.gateway.schema.europol.Recipients;
import uk.xborder.gateway.schema.europol.Sender;
import uk.xborder.gateway.schema.europol.SourceReliability;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.PublicSchema;

/**
 * Europol-style information exchange ({@code europol-ie-1}) to and from the canonical message. Marking is EU
 * classification, grading the 4x4 model and handling H0 to H3.
 *
 * <p>The format's BASIC-PROTECTION level (unclassified but not public) has no EU classification level of its own:
 * in the canonical message it is the EU level UNCLASSIFIED with the descriptor {@value #BASIC_PROTECTION}, which
 * this translator turns back into BASIC-PROTECTION. A UK marking never leaves as plain UNCLASSIFIED: UK material is
 * at least OFFICIAL, so if the tables ever gave UNCLASSIFIED for it, it is sent as BASIC-PROTECTION instead.
 *
 * <p>The format's caveats are narrower than the canonical ones: no {@code /}, so a national caveat such as
 * {@code UK/IE EYES ONLY} cannot be written in it. Such a recipient is refused ({@code NO_SAFE_MAPPING}) rather than
 * sent the message without the caveat, or with it spelled another way that the originator did not choose.
 */
final class EuropolFormat extends BuiltInFormat {

    static final String BASIC_PROTECTION = "BASIC-PROTECTION";
    /** The format schema's {@code MarkingToken}, which its caveats use. */
    static final Pattern CAVEAT = Pattern.compile("[A-Z0-9][A-Z0-9 \\-]{0,63}");

    private static final String EU_UNCLASSIFIED = "UNCLASSIFIED";

    private static final Vocabulary<MessageKind, MessageType> KINDS =
            Vocabulary.between(MessageKind.class, MessageType.class)
                    .pair(MessageKind.INFORMATION, MessageType.INTELLIGENCE_REPORT)
                    .pair(MessageKind.REQUEST, MessageType.REQUEST_FOR_INFORMATION)
                    .pair(MessageKind.REPLY, MessageType.RESPONSE)
                    .pair(MessageKind.REFUSAL, MessageType.REFUSAL)
                    .pair(MessageKind.HIT_NOTIFICATION, MessageType.HIT_NOTIFICATION)
                    .pair(MessageKind.ACKNOWLEDGEMENT, MessageType.ACKNOWLEDGEMENT)
                    .build();
    private static final Vocabulary<Priority, uk.xborder.gateway.schema.canonical.Priority> PRIORITIES =
            Vocabulary.between(Priority.class, uk.xborder.gateway.schema.canonical.Priority.class)
                    .pair(Priority.NORMAL, uk.xborder.gateway.schema.canonical.Priority.ROUTINE)
                    .pair(Priority.HIGH, uk.xborder.gateway.schema.canonical.Priority.PRIORITY)
                    .pair(Priority.URGENT, uk.xborder.gateway.schema.canonical.Priority.URGENT)
                    .pair(Priority.IMMEDIATE, uk.xborder.gateway.schema.canonical.Priority.IMMEDIATE)
                    .build();
    /** Annex II wording of the Europol Regulation on one side, the UK's DPA 2018 s.38 wording on the other. */
    private static final Vocabulary<PersonalDataCategory, uk.xborder.gateway.schema.canonical.PersonalDataCategory>
            CATEGORIES = Vocabulary.between(PersonalDataCategory.class,
                            uk.xborder.gateway.schema.canonical.PersonalDataCategory.class)
                    .pair(PersonalDataCategory.SUSPECTS,
                            uk.xborder.gateway.schema.canonical.PersonalDataCategory.SUSPECT)
                    .pair(PersonalDataCategory.CONVICTED_PERSONS,
                            uk.xborder.gateway.schema.canonical.PersonalDataCategory.CONVICTED_PERSON)
                    .pair(PersonalDataCategory.POTENTIAL_FUTURE_OFFENDERS,
                            uk.xborder.gateway.schema.canonical.PersonalDataCategory.POTENTIAL_OFFENDER)
                    .pair(PersonalDataCategory.CONTACTS_AND_ASSOCIATES,
                            uk.xborder.gateway.schema.canonical.PersonalDataCategory.CONTACT_OR_ASSOCIATE)
                    .pair(PersonalDataCategory.VICTIMS,
                            uk.xborder.gateway.schema.canonical.PersonalDataCategory.VICTIM)
                    .pair(PersonalDataCategory.WITNESSES,
                            uk.xborder.gateway.schema.canonical.PersonalDataCategory.WITNESS)
                    .pair(PersonalDataCategory.INFORMANTS,
                            uk.xborder.gateway.schema.canonical.PersonalDataCategory.INFORMANT)
                    .build();
    private static final Vocabulary<CrimeArea, uk.xborder.gateway.schema.canonical.CrimeArea> CRIME_AREAS =
            Vocabulary.sameNames(CrimeArea.class, uk.xborder.gateway.schema.canonical.CrimeArea.class);
    private static final Vocabulary<InformationAccess, uk.xborder.gateway.schema.canonical.InformationAccess>
            ACCESS = Vocabulary.sameNames(InformationAccess.class,
                    uk.xborder.gateway.schema.canonical.InformationAccess.class);

    EuropolFormat(FormatSupport support) {
        super(PublicSchema.EUROPOL_INFORMATION_EXCHANGE, "urn:europol-style:information-exchange:1", support,
                List.of("InformationExchange", "Header", "Sender", "PartyId"),
                List.of("InformationExchange", "Header", "MessageReference"));
    }

    // ------------------------------------------------------------------ Europol-style -> canonical

    @Override
    public IntelligenceMessage toCanonical(Document validatedDocument) {
        InformationExchange exchange = JaxbCodec.unmarshal(validatedDocument, InformationExchange.class);
        Handling handling = exchange.getHandling();
        if (handling.getCode() == HandlingCode.H3 && CanonicalRules.isBlank(handling.getRestriction())) {
            throw schemaInvalid(validatedDocument, "Code",
                    "handling code H3 (other restrictions) requires a Restriction, and none is given.");
        }
        Header header = exchange.getHeader();
        IntelligenceMessage message = new IntelligenceMessage();
        message.setMessageId(header.getMessageReference());
        message.setCorrelationId(header.getConversationReference());
        message.setInReplyTo(header.getReplyToReference());
        if (exchange.getCaseReferences() != null) {
            CaseReferences references = new CaseReferences();
            for (CaseReference reference : exchange.getCaseReferences().getCaseReference()) {
                references.getCaseReference().add(
                        CanonicalParts.caseReference(reference.getSystem(), reference.getValue()));
            }
            message.setCaseReferences(references);
        }
        message.setMessageType(KINDS.canonical(header.getMessageKind()));
        message.setSender(CanonicalParts.sender(header.getSender().getPartyId(), header.getSender().getName()));
        OriginatingUnit unit = header.getOriginatingUnit();
        message.setOriginator(CanonicalParts.originator(unit.getOrganisation(), unit.getUnit(),
                unit.getContactReference()));
        message.setRecipients(CanonicalParts.recipients(
                header.getRecipients().getRecipient().stream().map(Recipient::getPartyId).toList()));
        message.setCreated(header.getCreationDateTime());
        message.setClassification(classificationToCanonical(exchange.getClassification()));
        message.setHandling(CanonicalParts.handling(GradingSchemeCode.EUROPOL, handling.getCode().value(),
                handling.getRestriction()));
        message.setPriority(PRIORITIES.canonical(header.getPriority()));
        message.setUrgencyGround(header.getUrgencyReason());
        message.setResponseDue(header.getReplyExpectedBy());
        message.setInformationAccess(ACCESS.canonical(header.getInformationAccess()));
        message.setLegalBasis(exchange.getLegalBasis());
        message.setPurpose(exchange.getPurpose());
        if (exchange.getPersonalDataCategories() != null) {
            message.setPersonalDataCategories(CanonicalParts.personalDataCategories(
                    exchange.getPersonalDataCategories().getCategory().stream().map(CATEGORIES::canonical).toList()));
        }
        if (exchange.getCrimeAreas() != null) {
            message.setCrimeAreas(CanonicalParts.crimeAreas(
                    exchange.getCrimeAreas().getCrimeArea().stream().map(CRIME_AREAS::canonical).toList()));
        }
        message.setSubject(exchange.getSubject());
        Items items = new Items();
        for (InformationItem item : exchange.getInformationItems().getInformationItem()) {
            items.getItem().add(CanonicalParts.item(item.getNumber(), item.getContent(), GradingSchemeCode.EUROPOL,
                    item.getSourceReliability().value(), item.getInformationAccuracy()));
        }
        message.setItems(items);
        return support.checkedCanonical(message, id());
    }

    private static uk.xborder.gateway.schema.canonical.Classification classificationToCanonical(
            Classification classification) {
        List<String> descriptors = new ArrayList<>(classification.getDescriptor());
        String level = classification.getLevel().value();
        if (classification.getLevel() == ClassificationLevel.BASIC_PROTECTION) {
            level = EU_UNCLASSIFIED;
            if (!descriptors.contains(BASIC_PROTECTION)) {
                descriptors.add(0, BASIC_PROTECTION);
            }
        }
        return CanonicalParts.classification(ClassificationSchemeCode.EU, level, descriptors,
                classification.getCaveat());
    }

    // ------------------------------------------------------------------ canonical -> Europol-style

    @Override
    public byte[] fromCanonical(IntelligenceMessage message, String recipientPartyId) {
        FormatSupport.requireAddressee(message, recipientPartyId);
        support.checkCanonicalRules(message);
        if (message.getLegalBasis() == null) {
            throw new MessageRejectedException(ReasonCode.NO_LEGAL_BASIS, "A Europol-format recipient receives a"
                    + " message only with its legal basis, and message " + message.getMessageId() + " states none.");
        }
        SchemeConversion conversion = support.conversion();

        InformationExchange exchange = new InformationExchange();
        Header header = new Header();
        header.setMessageReference(message.getMessageId());
        header.setMessageKind(KINDS.format(message.getMessageType()));
        header.setConversationReference(message.getCorrelationId());
        header.setReplyToReference(message.getInReplyTo());
        Sender sender = new Sender();
        sender.setPartyId(message.getSender().getPartyId());
        sender.setName(message.getSender().getName());
        header.setSender(sender);
        OriginatingUnit unit = new OriginatingUnit();
        unit.setOrganisation(message.getOriginator().getOrganisation());
        unit.setUnit(message.getOriginator().getUnit());
        unit.setContactReference(message.getOriginator().getOfficerReference());
        header.setOriginatingUnit(unit);
        Recipients recipients = new Recipients();
        Recipient addressee = new Recipient();
        addressee.setPartyId(recipientPartyId);
        recipients.getRecipient().add(addressee);
        header.setRecipients(recipients);
        header.setCreationDateTime(message.getCreated());
        header.setPriority(PRIORITIES.format(message.getPriority()));
        header.setUrgencyReason(message.getUrgencyGround());
        header.setReplyExpectedBy(message.getResponseDue());
        header.setInformationAccess(ACCESS.format(message.getInformationAccess()));
        exchange.setHeader(header);

        exchange.setClassification(classificationFromCanonical(message.getClassification(), conversion));

        SchemeConversion.ConvertedHandling converted = conversion.handling(message.getHandling(), GradingScheme.EUROPOL);
        Handling handling = new Handling();
        handling.setCode(HandlingCode.fromValue(converted.code()));
        handling.setRestriction(converted.conditions().orElse(null));
        exchange.setHandling(handling);

        if (message.getCrimeAreas() != null) {
            CrimeAreas areas = new CrimeAreas();
            message.getCrimeAreas().getCrimeArea().forEach(a -> areas.getCrimeArea().add(CRIME_AREAS.format(a)));
            exchange.setCrimeAreas(areas);
        }
        exchange.setLegalBasis(message.getLegalBasis());
        exchange.setPurpose(message.getPurpose());
        if (message.getPersonalDataCategories() != null) {
            PersonalDataCategories categories = new PersonalDataCategories();
            message.getPersonalDataCategories().getCategory().forEach(c -> categories.getCategory().add(CATEGORIES.format(c)));
            exchange.setPersonalDataCategories(categories);
        }
        if (message.getCaseReferences() != null) {
            uk.xborder.gateway.schema.europol.CaseReferences references =
                    new uk.xborder.gateway.schema.europol.CaseReferences();
            for (uk.xborder.gateway.schema.canonical.CaseReference reference
                    : message.getCaseReferences().getCaseReference()) {
                CaseReference copy = new CaseReference();
                copy.setSystem(reference.getSystem());
                copy.setValue(reference.getValue());
                references.getCaseReference().add(copy);
            }
            exchange.setCaseReferences(references);
        }
        exchange.setSubject(message.getSubject());

        InformationItems items = new InformationItems();
        for (Item item : message.getItems().getItem()) {
            Grading grading = item.getGrading();
            InformationItem target = new InformationItem();
            target.setNumber(item.getSequence());
            target.setContent(item.getText());
            target.setSourceReliability(SourceReliability.fromValue(conversion.source(grading, GradingScheme.EUROPOL)));
            target.setInformationAccuracy(conversion.information(grading, GradingScheme.EUROPOL));
            items.getInformationItem().add(target);
        }
        exchange.setInformationItems(items);
        exchange.setTranslationNote(support.translationNote(message, id(), ClassificationScheme.EU,
                GradingScheme.EUROPOL).orElse(null));
        return emit(exchange);
    }

    private static Classification classificationFromCanonical(
            uk.xborder.gateway.schema.canonical.Classification classification, SchemeConversion conversion) {
        String level = conversion.level(classification, ClassificationScheme.EU);
        List<String> descriptors = new ArrayList<>(classification.getDescriptor());
        boolean basicProtection = EU_UNCLASSIFIED.equals(level)
                && (descriptors.remove(BASIC_PROTECTION)
                        || classification.getScheme() != ClassificationSchemeCode.EU);
        Classification target = new Classification();
        target.setLevel(basicProtection ? ClassificationLevel.BASIC_PROTECTION : ClassificationLevel.fromValue(level));
        target.getDescriptor().addAll(descriptors);
        for (String caveat : classification.getCaveat()) {
            if (!CAVEAT.matcher(caveat).matches()) {
                throw new NoSafeMappingException("The caveat '" + caveat + "' cannot be written in the"
                        + " Europol-style format, whose caveats hold only capital letters, digits, spaces and"
                        + " hyphens; sending the message without it would drop a restriction the originator set.");
            }
            target.getCaveat().add(caveat);
        }
        return target;
    }
}
