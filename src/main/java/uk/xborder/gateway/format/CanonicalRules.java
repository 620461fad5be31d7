package uk.xborder.gateway.format;

import java.util.Objects;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingDimension;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.requests.UrgencyRule;
import uk.xborder.gateway.schema.canonical.Classification;
import uk.xborder.gateway.schema.canonical.Grading;
import uk.xborder.gateway.schema.canonical.Handling;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Item;

/**
 * The canonical message's rules that XML Schema 1.0 cannot express: each level, handling code and grade belongs
 * to the scheme named beside it, and a handling code that needs conditions has them. The code lists come from the
 * translation tables, so the gateway has one list of valid codes.
 *
 * <p>A broken rule is a {@link ReasonCode#SCHEMA_INVALID} rejection naming the field and scheme, never the value.
 * Last, an urgent request for information must give its reasons ({@link UrgencyRule}:
 * {@link ReasonCode#URGENCY_WITHOUT_REASONS}).
 */
public final class CanonicalRules {

    private final GradingTables grading;
    private final MarkingTable marking;

    public CanonicalRules(GradingTables grading, MarkingTable marking) {
        this.grading = Objects.requireNonNull(grading, "grading");
        this.marking = Objects.requireNonNull(marking, "marking");
    }

    /**
     * @throws MessageRejectedException {@code SCHEMA_INVALID} naming the first rule broken, or
     *                                  {@code URGENCY_WITHOUT_REASONS}
     */
    public void check(IntelligenceMessage message) {
        Classification classification = message.getClassification();
        ClassificationScheme markingScheme = SchemeConversion.scheme(classification.getScheme());
        if (!marking.isKnown(markingScheme, classification.getLevel())) {
            throw broken("Classification Level is not a level of scheme " + markingScheme + ".");
        }
        Handling handling = message.getHandling();
        GradingScheme handlingScheme = SchemeConversion.scheme(handling.getScheme());
        if (!grading.isKnown(handlingScheme, GradingDimension.HANDLING, handling.getCode())) {
            throw broken("Handling Code is not a handling code of scheme " + handlingScheme + ".");
        }
        if (HandlingRules.needsConditions(handlingScheme, handling.getCode()) && isBlank(handling.getConditions())) {
            throw broken("Handling Code " + handling.getCode() + " of scheme " + handlingScheme
                    + " requires Conditions, and none are given.");
        }
        for (Item item : message.getItems().getItem()) {
            Grading grade = item.getGrading();
            GradingScheme itemScheme = SchemeConversion.scheme(grade.getScheme());
            if (!grading.isKnown(itemScheme, GradingDimension.SOURCE, grade.getSource())) {
                throw broken("Item " + item.getSequence() + ": Grading Source is not a source evaluation code of scheme "
                        + itemScheme + ".");
            }
            if (!grading.isKnown(itemScheme, GradingDimension.INFORMATION, grade.getInformation())) {
                throw broken("Item " + item.getSequence()
                        + ": Grading Information is not an information assessment code of scheme " + itemScheme + ".");
            }
        }
        UrgencyRule.check(message);
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static MessageRejectedException broken(String rule) {
        return new MessageRejectedException(ReasonCode.SCHEMA_INVALID,
                "The message does not satisfy the canonical message rules: " + rule);
    }
}
