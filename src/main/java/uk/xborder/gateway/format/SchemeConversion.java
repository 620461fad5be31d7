package uk.xborder.gateway.format;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.message.NoSafeMappingException;
import uk.xborder.gateway.schema.canonical.Classification;
import uk.xborder.gateway.schema.canonical.ClassificationSchemeCode;
import uk.xborder.gateway.schema.canonical.Grading;
import uk.xborder.gateway.schema.canonical.GradingSchemeCode;
import uk.xborder.gateway.schema.canonical.Handling;

/**
 * Expresses the canonical message's marking, handling and grades in a target format's schemes through the
 * translation tables. Within one scheme codes pass unchanged; across schemes the tables decide, and a refusal
 * ({@link NoSafeMappingException}) propagates: it refuses the recipient. Immutable and thread-safe.
 */
final class SchemeConversion {

    /** The widest conditions text any format accepts (LongText). */
    static final int MAX_CONDITIONS_LENGTH = 20_000;

    private final GradingTables grading;
    private final MarkingTable marking;

    SchemeConversion(GradingTables grading, MarkingTable marking) {
        this.grading = Objects.requireNonNull(grading, "grading");
        this.marking = Objects.requireNonNull(marking, "marking");
    }

    /** A handling code in the target scheme, and the conditions that must travel with it (absent when none). */
    record ConvertedHandling(String code, Optional<String> conditions) {
    }

    String level(Classification classification, ClassificationScheme to) {
        return marking.convert(scheme(classification.getScheme()), classification.getLevel(), to);
    }

    /**
     * The handling code in {@code to}'s scheme. Conditions are the table's condition for this conversion (which
     * states what the original code meant) followed by the original's own conditions, unchanged: neither is lost.
     */
    ConvertedHandling handling(Handling handling, GradingScheme to) {
        GradingScheme from = scheme(handling.getScheme());
        String code = grading.handlingCode(from, handling.getCode(), to);
        Optional<String> tableCondition = grading.handlingCondition(from, handling.getCode(), to);
        Optional<String> original = Optional.ofNullable(handling.getConditions()).filter(c -> !c.isBlank());
        Optional<String> conditions = tableCondition.isEmpty() ? original
                : Optional.of(original.map(o -> tableCondition.get() + "\n" + o).orElse(tableCondition.get()));
        if (conditions.map(String::length).orElse(0) > MAX_CONDITIONS_LENGTH) {
            throw new NoSafeMappingException("The handling conditions, with the " + from + " to " + to
                    + " translation's own condition added, exceed " + MAX_CONDITIONS_LENGTH
                    + " characters and cannot be carried whole.");
        }
        return new ConvertedHandling(code, conditions);
    }

    String source(Grading grade, GradingScheme to) {
        return grading.sourceEvaluation(scheme(grade.getScheme()), grade.getSource(), to);
    }

    String information(Grading grade, GradingScheme to) {
        return grading.informationAssessment(scheme(grade.getScheme()), grade.getInformation(), to);
    }

    /** Versions of every table in use, each named once, for translation notes and audit. */
    String tableVersions() {
        Set<String> parts = new LinkedHashSet<>();
        parts.addAll(Arrays.asList(grading.version().split(";")));
        parts.addAll(Arrays.asList(marking.version().split(";")));
        return parts.stream().collect(Collectors.joining(";"));
    }

    static GradingScheme scheme(GradingSchemeCode code) {
        return GradingScheme.valueOf(code.name());
    }

    static ClassificationScheme scheme(ClassificationSchemeCode code) {
        return ClassificationScheme.valueOf(code.name());
    }

    static GradingSchemeCode code(GradingScheme scheme) {
        return GradingSchemeCode.valueOf(scheme.name());
    }

    static ClassificationSchemeCode code(ClassificationScheme scheme) {
        return ClassificationSchemeCode.valueOf(scheme.name());
    }
}
