package uk.xborder.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.xborder.gateway.directory.Marking;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.ledger.ReceivedMaterial;
import uk.xborder.gateway.message.CaveatTable;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * Every refusal the policy makes, against the default partner directory, the real marking and grading tables and a
 * real (in-memory H2) record of received material.
 */
class RecipientPolicyTest {

    private static final MarkingTable MARKINGS = MarkingTable.loadDefault();
    private static final GradingTables GRADING = GradingTables.loadDefault();
    private static final CaveatTable CAVEATS = CaveatTable.loadDefault();
    private static final PartyDirectory DIRECTORY = new PartyDirectoryLoader(id -> true, MARKINGS::isKnown)
            .load(RunningGateway.projectDirectory().resolve("config/directory.yaml"));
    private final ReceivedMaterial received = ReceivedMaterial.open(inMemoryDatabase(), Clock.systemUTC());
    private final OnwardDissemination onward = new OnwardDissemination(received, GRADING);
    private final RecipientPolicy policy =
            new RecipientPolicy(DIRECTORY, MARKINGS, new CaveatAudience(CAVEATS), onward);

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

    /** The recipients' jurisdictions in the default directory: nca and police-scotland UK, spoc-ie IE, europol EU. */
    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "UK EYES ONLY, nca, ALLOWED", "UK EYES ONLY, police-scotland, ALLOWED",
            "UK EYES ONLY, europol, CAVEAT_FORBIDS_RECIPIENT", "UK EYES ONLY, spoc-ie, CAVEAT_FORBIDS_RECIPIENT",
            "UKEO, nca, ALLOWED", "UKEO, europol, CAVEAT_FORBIDS_RECIPIENT", "UKEO, spoc-ie, CAVEAT_FORBIDS_RECIPIENT",
            "UK/IE EYES ONLY, nca, ALLOWED", "UK/IE EYES ONLY, spoc-ie, ALLOWED",
            "UK/IE EYES ONLY, europol, CAVEAT_FORBIDS_RECIPIENT",
            "UK/US EYES ONLY, nca, ALLOWED", "UK/US EYES ONLY, spoc-ie, CAVEAT_FORBIDS_RECIPIENT",
            "UK/US EYES ONLY, europol, CAVEAT_FORBIDS_RECIPIENT",
            "REL TO UK, nca, ALLOWED", "REL TO UK, europol, CAVEAT_FORBIDS_RECIPIENT",
            "REL TO UK, spoc-ie, CAVEAT_FORBIDS_RECIPIENT",
            "RELEASABLE TO EUROPOL, nca, ALLOWED", "RELEASABLE TO EUROPOL, europol, ALLOWED",
            "RELEASABLE TO EUROPOL, spoc-ie, CAVEAT_FORBIDS_RECIPIENT",
            "NOT A KNOWN CAVEAT, nca, ALLOWED", "NOT A KNOWN CAVEAT, police-scotland, ALLOWED",
            "NOT A KNOWN CAVEAT, europol, UNKNOWN_CAVEAT", "NOT A KNOWN CAVEAT, spoc-ie, UNKNOWN_CAVEAT",
            "uk eyes only, spoc-ie, UNKNOWN_CAVEAT", "UK EYES  ONLY, europol, UNKNOWN_CAVEAT"})
    void aCaveatAdmitsOnlyTheJurisdictionsOfItsAudience(String caveat, String recipient, String verdict) {
        MessageFacts facts = withCaveats(caveat);
        if (verdict.equals("ALLOWED")) {
            assertThat(policy.authorise(facts, recipient).id()).isEqualTo(recipient);
        } else {
            assertRefused(facts, recipient, ReasonCode.valueOf(verdict));
        }
    }

    @Test
    void aCaveatRefusalNamesTheCaveatItsAudienceTheRecipientAndTheTable() {
        assertThatThrownBy(() -> policy.authorise(withCaveats("UK/IE EYES ONLY"), "europol"))
                .hasMessage("The caveat 'UK/IE EYES ONLY' limits the message to recipients of jurisdiction UK or IE"
                        + " (caveats=2026.1); 'europol' is of jurisdiction EU.");
        assertThatThrownBy(() -> policy.authorise(withCaveats("NOFORN"), "spoc-ie"))
                .hasMessageContaining("'NOFORN' is not in the caveat table (caveats=2026.1)")
                .hasMessageContaining("'spoc-ie' is of jurisdiction IE");
    }

    @Test
    void everyCaveatMustAdmitTheRecipient() {
        MessageFacts both = withCaveats("UK/IE EYES ONLY", "RELEASABLE TO EUROPOL");
        assertRefused(both, "spoc-ie", ReasonCode.CAVEAT_FORBIDS_RECIPIENT);
        assertRefused(both, "europol", ReasonCode.CAVEAT_FORBIDS_RECIPIENT);
        assertThat(policy.authorise(both, "nca").id()).isEqualTo("nca");
        assertRefused(withCaveats("RELEASABLE TO EUROPOL", "SOMETHING NEW"), "europol", ReasonCode.UNKNOWN_CAVEAT);
        assertThat(policy.authorise(withCaveats("UK EYES ONLY", "SOMETHING NEW"), "police-scotland").id())
                .isEqualTo("police-scotland");
    }

    @Test
    void caveatsAreCheckedAfterTheMarkingAndBeforeTheHandling() {
        MessageFacts secret = new MessageFacts("MSG-2", null, List.of(), "INTELLIGENCE_REPORT", "police-scotland",
                List.of("spoc-ie"), new Marking(ClassificationScheme.UK_GSC, "SECRET"), GradingScheme.UK_3X5X2, "P",
                "basis", "prevention of crime", null, List.of("UK EYES ONLY"));
        assertRefused(secret, "spoc-ie", ReasonCode.MARKING_ABOVE_ACCREDITATION);
        MessageFacts handling4 = new MessageFacts("MSG-3", null, List.of(), "INTELLIGENCE_REPORT", "police-scotland",
                List.of("europol"), new Marking(ClassificationScheme.UK_GSC, "OFFICIAL"), GradingScheme.UK_5X5X5, "4",
                "basis", "prevention of crime", null, List.of("UK EYES ONLY"));
        assertRefused(handling4, "europol", ReasonCode.CAVEAT_FORBIDS_RECIPIENT);
    }

    @ParameterizedTest(name = "received under {0} {1}: onward forbidden = {2}")
    @CsvSource({
            "EUROPOL, H0, false", "EUROPOL, H1, false", "EUROPOL, H2, true", "EUROPOL, H3, true",
            "UK_5X5X5, 1, false", "UK_5X5X5, 2, false", "UK_5X5X5, 3, false", "UK_5X5X5, 4, true",
            "UK_5X5X5, 5, true", "UK_3X5X2, P, false", "UK_3X5X2, C, true", "EUROPOL, H9, true"})
    void handlingCodesThatForbidOnwardDissemination(GradingScheme scheme, String code, boolean forbidden) {
        assertThat(onward.forbids(scheme, code)).isEqualTo(forbidden);
    }

    @Test
    void materialReceivedUnderH2GoesBackToItsProviderOnly() {
        received.record("EP-2026-0042", "europol", GradingScheme.EUROPOL, "H2");
        MessageFacts reply = answering("EP-2026-0042", null);

        assertThat(policy.authorise(reply, "europol").id()).isEqualTo("europol");
        assertRefused(reply, "spoc-ie", ReasonCode.ONWARD_DISSEMINATION_FORBIDDEN);
        assertRefused(reply, "nca", ReasonCode.ONWARD_DISSEMINATION_FORBIDDEN);
        assertThatThrownBy(() -> policy.authorise(reply, "spoc-ie"))
                .hasMessageContaining("EP-2026-0042").hasMessageContaining("'europol'")
                .hasMessageContaining("EUROPOL H2").hasMessageContaining("'spoc-ie'");
    }

    @Test
    void theMaterialIsFoundByEveryIdTheMessageRefersTo() {
        received.record("NCA-LOG-77", "nca", GradingScheme.UK_5X5X5, "4");
        MessageFacts byOwnId = withReferences("NCA-LOG-77", null, List.of(), null);
        MessageFacts byCorrelation = withReferences("PS-1", "NCA-LOG-77", List.of(), null);
        MessageFacts byInReplyTo = withReferences("PS-2", "PS-THREAD-9", List.of(), "NCA-LOG-77");
        MessageFacts byCaseReference = withReferences("PS-3", null, List.of("SID:SID-1", "NCA:NCA-LOG-77"), null);

        for (MessageFacts facts : List.of(byOwnId, byCorrelation, byInReplyTo, byCaseReference)) {
            assertRefused(facts, "europol", ReasonCode.ONWARD_DISSEMINATION_FORBIDDEN);
            assertThat(policy.authorise(facts, "nca").id()).isEqualTo("nca");
        }
        assertThat(policy.authorise(withReferences("PS-4", "PS-THREAD-9", List.of("SID:SID-1"), "PS-3"), "europol")
                .id()).as("a message that concerns no received material").isEqualTo("europol");
    }

    @Test
    void materialReceivedUnderHandlingThatAllowsItGoesOn() {
        received.record("EP-2026-0043", "europol", GradingScheme.EUROPOL, "H0");
        received.record("EP-2026-0044", "europol", GradingScheme.EUROPOL, "H1");

        assertThat(policy.authorise(answering("EP-2026-0043", null), "spoc-ie").id()).isEqualTo("spoc-ie");
        assertThat(policy.authorise(answering("EP-2026-0044", null), "nca").id()).isEqualTo("nca");
    }

    @Test
    void materialFromTwoProvidersGoesToNeitherOfThem() {
        received.record("EP-2026-0045", "europol", GradingScheme.EUROPOL, "H2");
        received.record("IE-2026-0046", "spoc-ie", GradingScheme.EUROPOL, "H3");
        MessageFacts combined = withReferences("PS-5", "EP-2026-0045", List.of("EUROPOL:IE-2026-0046"), null);

        assertRefused(combined, "europol", ReasonCode.ONWARD_DISSEMINATION_FORBIDDEN);
        assertRefused(combined, "spoc-ie", ReasonCode.ONWARD_DISSEMINATION_FORBIDDEN);
    }

    @Test
    void theMessagesOwnHandlingIsCheckedBeforeWhatItConcerns() {
        received.record("EP-2026-0047", "europol", GradingScheme.EUROPOL, "H2");
        MessageFacts stillH2 = new MessageFacts("PS-6", null, List.of(), "RESPONSE", "police-scotland",
                List.of("spoc-ie"), new Marking(ClassificationScheme.UK_GSC, "OFFICIAL"), GradingScheme.EUROPOL,
                "H2", "basis", "prevention of crime", "EP-2026-0047");

        assertRefused(stillH2, "spoc-ie", ReasonCode.HANDLING_FORBIDS_DISSEMINATION);
    }

    private void assertRefused(MessageFacts facts, String recipient, ReasonCode reason) {
        assertThatThrownBy(() -> policy.authorise(facts, recipient))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.explanation()).contains(recipient.equals("interpol") ? "interpol" : "'");
                });
    }

    /** An OFFICIAL, handling P reply with a legal basis: nothing but what it answers can stop it. */
    private static MessageFacts answering(String inReplyTo, String correlationId) {
        return withReferences("PS-REPLY-1", correlationId, List.of(), inReplyTo);
    }

    private static MessageFacts withReferences(String messageId, String correlationId, List<String> caseReferences,
                                               String inReplyTo) {
        return new MessageFacts(messageId, correlationId, caseReferences, "RESPONSE", "police-scotland",
                List.of("europol"), new Marking(ClassificationScheme.UK_GSC, "OFFICIAL"), GradingScheme.UK_3X5X2, "P",
                "DPA 2018 s.73", "prevention of crime", inReplyTo);
    }

    /** An OFFICIAL, handling P report with a legal basis and these caveats: only the caveats can stop it. */
    private static MessageFacts withCaveats(String... caveats) {
        return new MessageFacts("MSG-CAVEAT", null, List.of(), "INTELLIGENCE_REPORT", "police-scotland",
                List.of("europol", "spoc-ie", "nca"), new Marking(ClassificationScheme.UK_GSC, "OFFICIAL"),
                GradingScheme.UK_3X5X2, "P", "DPA 2018 s.73", "prevention of crime", null, List.of(caveats));
    }

    private static DataSource inMemoryDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:policy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }

    private static MessageFacts facts(ClassificationScheme scheme, String level, GradingScheme handlingScheme,
                                      String handlingCode, String legalBasis) {
        return new MessageFacts("MSG-1", null, List.of(), "INTELLIGENCE_REPORT", "police-scotland",
                List.of("europol"), new Marking(scheme, level), handlingScheme, handlingCode, legalBasis,
                "prevention of crime");
    }
}
