package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.schema.canonical.ClassificationSchemeCode;
import uk.xborder.gateway.schema.canonical.GradingSchemeCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;

class CanonicalRulesTest {

    private static final String CANONICAL = "canonical/valid/canonical-ir-from-police-scotland.xml";
    private final CanonicalRules rules = new CanonicalRules(GradingTables.loadDefault(), MarkingTable.loadDefault());

    @Test
    void acceptsTheCanonicalExamples() {
        assertThatCode(() -> rules.check(message())).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(Inbound.example(
                "canonical/valid/canonical-hit-notification-from-europol.xml", "canonical-1")))
                .doesNotThrowAnyException();
    }

    @Test
    void levelMustBelongToTheClassificationScheme() {
        IntelligenceMessage message = message();
        message.getClassification().setScheme(ClassificationSchemeCode.EU);

        assertRefused(message, "Classification Level");
    }

    @Test
    void handlingCodeMustBelongToItsScheme() {
        IntelligenceMessage message = message();
        message.getHandling().setScheme(GradingSchemeCode.EUROPOL);

        assertRefused(message, "Handling Code");
    }

    @Test
    void codesThatCarryConditionsNeedThem() {
        for (String[] schemeAndCode : new String[][] {{"UK_3X5X2", "C"}, {"UK_5X5X5", "5"}, {"EUROPOL", "H3"}}) {
            IntelligenceMessage message = message();
            message.getHandling().setScheme(GradingSchemeCode.valueOf(schemeAndCode[0]));
            message.getHandling().setCode(schemeAndCode[1]);

            assertRefused(message, "requires Conditions");
            message.getHandling().setConditions("Refer to the originator before any onward use.");
            assertThatCode(() -> rules.check(message)).doesNotThrowAnyException();
        }
    }

    @Test
    void gradesMustBelongToTheItemsScheme() {
        IntelligenceMessage message = message();
        message.getItems().getItem().get(1).getGrading().setScheme(GradingSchemeCode.UK_5X5X5);

        assertRefused(message, "Item 2: Grading Source");
    }

    private static IntelligenceMessage message() {
        return Inbound.example(CANONICAL, "canonical-1");
    }

    private void assertRefused(IntelligenceMessage message, String naming) {
        assertThatThrownBy(() -> rules.check(message)).isInstanceOfSatisfying(MessageRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID);
            assertThat(e.explanation()).contains(naming);
        });
    }
}
