package uk.xborder.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.xborder.gateway.directory.Marking;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.testsupport.RunningGateway;

/** Every refusal the policy makes, against the default partner directory and the real marking tables. */
class RecipientPolicyTest {

    private static final MarkingTable MARKINGS = MarkingTable.loadDefault();
    private static final PartyDirectory DIRECTORY = new PartyDirectoryLoader(id -> true, MARKINGS::isKnown)
            .load(RunningGateway.projectDirectory().resolve("config/directory.yaml"));
    private final RecipientPolicy policy = new RecipientPolicy(DIRECTORY, MARKINGS);

    @ParameterizedTest(name = "{0} {1} to {2}")
    @CsvSource({
            "UK_GSC, OFFICIAL, europol", "UK_GSC, OFFICIAL-SENSITIVE, spoc-ie", "UK_GSC, SECRET, europol",
            "UK_GSC, SECRET, nca", "EU, CONFIDENTIEL-UE, spoc-ie", "EU, SECRET-UE, europol"})
    void markingsWithinAccreditationAreAllowed(ClassificationScheme scheme, String level, String recipient) {
        assertThat(policy.authorise(facts(scheme, level, GradingScheme.UK_3X5X2, "P", "DPA 2018 s.73"), recipient)
                .id()).isEqualTo(recipient);
    }

    @ParameterizedTest(name = "{0} {1} to {2}")
    @CsvSource({
            "UK_GSC, SECRET, spoc-ie", "UK_GSC, TOP-SECRET, europol", "UK_GSC, TOP-SECRET, nca",
            "EU, SECRET-UE, spoc-ie", "EU, TRES-SECRET-UE, europol"})
    void markingsAboveAccreditationAreRefused(ClassificationScheme scheme, String level, String recipient) {
        assertRefused(facts(scheme, level, GradingScheme.UK_3X5X2, "P", "DPA 2018 s.73"), recipient,
                ReasonCode.MARKING_ABOVE_ACCREDITATION);
    }

    @Test
    void anUnknownRecipientIsRefused() {
        assertRefused(facts(ClassificationScheme.UK_GSC, "OFFICIAL", GradingScheme.UK_3X5X2, "P", "basis"),
                "interpol", ReasonCode.UNKNOWN_RECIPIENT);
    }

    @Test
    void aTransferOutsideTheUkNeedsALegalBasis() {
        MessageFacts noBasis = facts(ClassificationScheme.UK_GSC, "OFFICIAL", GradingScheme.UK_3X5X2, "P", null);
        assertRefused(noBasis, "europol", ReasonCode.NO_LEGAL_BASIS);
        assertRefused(noBasis, "spoc-ie", ReasonCode.NO_LEGAL_BASIS);
        assertRefused(facts(ClassificationScheme.UK_GSC, "OFFICIAL", GradingScheme.UK_3X5X2, "P", "  "),
                "spoc-ie", ReasonCode.NO_LEGAL_BASIS);
        assertThat(policy.authorise(noBasis, "nca").id()).isEqualTo("nca");
    }

    @ParameterizedTest(name = "{0} {1} to {2}")
    @CsvSource({
            "UK_5X5X5, 4, europol", "UK_5X5X5, 5, europol", "UK_5X5X5, 4, nca", "UK_5X5X5, 5, nca",
            "UK_5X5X5, 2, spoc-ie", "UK_5X5X5, 3, europol", "EUROPOL, H2, spoc-ie", "EUROPOL, H2, nca"})
    void handlingThatForbidsDisseminationIsRefused(GradingScheme scheme, String code, String recipient) {
        assertRefused(facts(ClassificationScheme.UK_GSC, "OFFICIAL", scheme, code, "basis"), recipient,
                ReasonCode.HANDLING_FORBIDS_DISSEMINATION);
    }

    @ParameterizedTest(name = "{0} {1} to {2}")
    @CsvSource({"UK_5X5X5, 1, europol", "UK_5X5X5, 2, nca", "UK_5X5X5, 3, nca", "UK_3X5X2, C, spoc-ie",
            "EUROPOL, H2, europol", "EUROPOL, H3, spoc-ie"})
    void handlingThatPermitsDisseminationIsAllowed(GradingScheme scheme, String code, String recipient) {
        assertThat(policy.authorise(facts(ClassificationScheme.UK_GSC, "OFFICIAL", scheme, code, "basis"),
                recipient).id()).isEqualTo(recipient);
    }

    @Test
    void anUnknownMarkingLevelHasNoSafeMapping() {
        assertRefused(facts(ClassificationScheme.UK_GSC, "RESTRICTED", GradingScheme.UK_3X5X2, "P", "basis"),
                "europol", ReasonCode.NO_SAFE_MAPPING);
    }

    @Test
    void theLegalBasisIsCheckedBeforeTheMarking() {
        assertRefused(facts(ClassificationScheme.UK_GSC, "TOP-SECRET", GradingScheme.UK_5X5X5, "5", null),
                "europol", ReasonCode.NO_LEGAL_BASIS);
    }

    private void assertRefused(MessageFacts facts, String recipient, ReasonCode reason) {
        assertThatThrownBy(() -> policy.authorise(facts, recipient))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.explanation()).contains(recipient.equals("interpol") ? "interpol" : "'");
                });
    }

    private static MessageFacts facts(ClassificationScheme scheme, String level, GradingScheme handlingScheme,
                                      String handlingCode, String legalBasis) {
        return new MessageFacts("MSG-1", null, List.of(), "INTELLIGENCE_REPORT", "police-scotland",
                List.of("europol"), new Marking(scheme, level), handlingScheme, handlingCode, legalBasis,
                "prevention of crime");
    }
}
