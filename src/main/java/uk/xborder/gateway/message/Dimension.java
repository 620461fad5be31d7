package uk.xborder.gateway.message;

import java.util.Arrays;
import java.util.List;

/**
 * The four translated dimensions, each with its table file, the schemes it spans and the direction in which its
 * ladder in {@code scales.csv} may move. This is the single place that says "grading may only go down, handling
 * and marking may only go up".
 */
enum Dimension {
    SOURCE("source evaluation", "grading-source.csv", false, "raises source reliability",
            names(GradingScheme.values())),
    INFORMATION("information assessment", "grading-information.csv", false, "raises confidence in the information",
            names(GradingScheme.values())),
    HANDLING("handling code", "handling.csv", true, "loosens handling", names(GradingScheme.values())),
    CLASSIFICATION("protective marking", "classification.csv", true, "lowers protection",
            names(ClassificationScheme.values()));

    private final String label;
    private final String tableFile;
    private final boolean rankMayOnlyRise;
    private final String violation;
    private final List<String> schemes;

    Dimension(String label, String tableFile, boolean rankMayOnlyRise, String violation, List<String> schemes) {
        this.label = label;
        this.tableFile = tableFile;
        this.rankMayOnlyRise = rankMayOnlyRise;
        this.violation = violation;
        this.schemes = schemes;
    }

    static Dimension of(GradingDimension dimension) {
        return valueOf(dimension.name());
    }

    /** Words for an explanation, e.g. "information assessment". */
    String label() {
        return label;
    }

    String tableFile() {
        return tableFile;
    }

    /** What a row that breaks the invariant does, e.g. "loosens handling". */
    String violation() {
        return violation;
    }

    /** The scheme names this dimension spans; every ordered pair of distinct ones is a direction to cover. */
    List<String> schemes() {
        return schemes;
    }

    /** The invariant: may a code of rank {@code from} be translated to a code of rank {@code to}? */
    boolean permits(int from, int to) {
        return rankMayOnlyRise ? to >= from : to <= from;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
