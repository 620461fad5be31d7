package uk.xborder.gateway.format;

import java.util.List;
import uk.xborder.gateway.schema.canonical.CaseReference;
import uk.xborder.gateway.schema.canonical.Classification;
import uk.xborder.gateway.schema.canonical.ClassificationSchemeCode;
import uk.xborder.gateway.schema.canonical.CrimeArea;
import uk.xborder.gateway.schema.canonical.CrimeAreas;
import uk.xborder.gateway.schema.canonical.Grading;
import uk.xborder.gateway.schema.canonical.GradingSchemeCode;
import uk.xborder.gateway.schema.canonical.Handling;
import uk.xborder.gateway.schema.canonical.Item;
import uk.xborder.gateway.schema.canonical.Originator;
import uk.xborder.gateway.schema.canonical.PersonalDataCategories;
import uk.xborder.gateway.schema.canonical.PersonalDataCategory;
import uk.xborder.gateway.schema.canonical.Recipient;
import uk.xborder.gateway.schema.canonical.Recipients;
import uk.xborder.gateway.schema.canonical.Sender;

/** Small factories for the parts of a canonical message, so each translator reads as a list of fields. */
final class CanonicalParts {

    private CanonicalParts() {
    }

    static Sender sender(String partyId, String name) {
        Sender sender = new Sender();
        sender.setPartyId(partyId);
        sender.setName(name);
        return sender;
    }

    static Originator originator(String organisation, String unit, String officerReference) {
        Originator originator = new Originator();
        originator.setOrganisation(organisation);
        originator.setUnit(unit);
        originator.setOfficerReference(officerReference);
        return originator;
    }

    static Recipients recipients(List<String> partyIds) {
        Recipients recipients = new Recipients();
        for (String partyId : partyIds) {
            Recipient recipient = new Recipient();
            recipient.setPartyId(partyId);
            recipients.getRecipient().add(recipient);
        }
        return recipients;
    }

    static CaseReference caseReference(String system, String value) {
        CaseReference reference = new CaseReference();
        reference.setSystem(system);
        reference.setValue(value);
        return reference;
    }

    static Classification classification(ClassificationSchemeCode scheme, String level, List<String> descriptors,
                                         List<String> caveats) {
        Classification classification = new Classification();
        classification.setScheme(scheme);
        classification.setLevel(level);
        classification.getDescriptor().addAll(descriptors);
        classification.getCaveat().addAll(caveats);
        return classification;
    }

    static Handling handling(GradingSchemeCode scheme, String code, String conditions) {
        Handling handling = new Handling();
        handling.setScheme(scheme);
        handling.setCode(code);
        handling.setConditions(conditions);
        return handling;
    }

    static PersonalDataCategories personalDataCategories(List<PersonalDataCategory> categories) {
        PersonalDataCategories result = new PersonalDataCategories();
        result.getCategory().addAll(categories);
        return result;
    }

    static CrimeAreas crimeAreas(List<CrimeArea> areas) {
        CrimeAreas result = new CrimeAreas();
        result.getCrimeArea().addAll(areas);
        return result;
    }

    static Item item(int sequence, String text, GradingSchemeCode scheme, String source, String information) {
        Grading grading = new Grading();
        grading.setScheme(scheme);
        grading.setSource(source);
        grading.setInformation(information);
        Item item = new Item();
        item.setSequence(sequence);
        item.setText(text);
        item.setGrading(grading);
        return item;
    }
}
