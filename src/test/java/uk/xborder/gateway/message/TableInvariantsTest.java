package uk.xborder.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The safety properties, checked across every code and every direction through the public API, with ranks taken
 * from the test's own literal ladder ({@link Expected#RANKS}) rather than from scales.csv, so that a wrong rank in
 * scales.csv cannot make a wrong mapping look safe.
 */
class TableInvariantsTest {

    private static GradingTables grading;
    private static MarkingTable marking;

    @BeforeAll
    static void load() {
        grading = GradingTables.loadDefault();
        marking = MarkingTable.loadDefault();
    }

    @Test
    void noTranslationRaisesSourceReliability() {
        forEveryGradingTranslation(GradingDimension.SOURCE, (from, code, to, result) ->
                assertThat(Expected.rank(to.name(), "SOURCE", result))
                        .as("source %s %s -> %s %s raises reliability", from, code, to, result)
                        .isLessThanOrEqualTo(Expected.rank(from.name(), "SOURCE", code)));
    }

    @Test
    void noTranslationRaisesConfidenceInTheInformation() {
        forEveryGradingTranslation(GradingDimension.INFORMATION, (from, code, to, result) ->
                assertThat(Expected.rank(to.name(), "INFORMATION", result))
                        .as("information %s %s -> %s %s raises confidence", from, code, to, result)
                        .isLessThanOrEqualTo(Expected.rank(from.name(), "INFORMATION", code)));
    }

    @Test
    void noTranslationLoosensHandling() {
        forEveryGradingTranslation(GradingDimension.HANDLING, (from, code, to, result) ->
                assertThat(Expected.rank(to.name(), "HANDLING", result))
                        .as("handling %s %s -> %s %s loosens handling", from, code, to, result)
                        .isGreaterThanOrEqualTo(Expected.rank(from.name(), "HANDLING", code)));
    }

    @Test
    void freeTextConditionsAreNeverDroppedAndAlwaysStated() {
        forEveryGradingTranslation(GradingDimension.HANDLING, (from, code, to, result) -> {
            boolean fromCarries = Expected.CARRIES_CONDITIONS.contains(from.name() + "/HANDLING/" + code);
            boolean toCarries = Expected.CARRIES_CONDITIONS.contains(to.name() + "/HANDLING/" + result);
            if (fromCarries) {
                assertThat(toCarries).as("%s %s -> %s %s drops the original's conditions", from, code, to, result)
                        .isTrue();
            }
            if (from != to) {
                assertThat(grading.handlingCondition(from, code, to).isPresent())
                        .as("%s %s -> %s %s: a condition exactly when the target carries one", from, code, to, result)
                        .isEqualTo(toCarries);
            }
        });
    }

    @Test
    void noConversionLowersAProtectiveMarking() {
        for (ClassificationScheme from : ClassificationScheme.values()) {
            for (String level : Expected.CODES.get(from.name() + "/CLASSIFICATION")) {
                for (ClassificationScheme to : ClassificationScheme.values()) {
                    String result = marking.convert(from, level, to);
                    assertThat(Expected.rank(to.name(), "CLASSIFICATION", result))
                            .as("%s %s -> %s %s lowers protection", from, level, to, result)
                            .isGreaterThanOrEqualTo(Expected.rank(from.name(), "CLASSIFICATION", level));
                }
            }
        }
    }

    @Test
    void markingRoundTripsNeverComeBackLower() {
        for (ClassificationScheme from : ClassificationScheme.values()) {
            for (ClassificationScheme via : ClassificationScheme.values()) {
                for (String level : Expected.CODES.get(from.name() + "/CLASSIFICATION")) {
                    String back = marking.convert(via, marking.convert(from, level, via), from);
                    assertThat(Expected.rank(from.name(), "CLASSIFICATION", back))
                            .as("%s %s via %s comes back as %s", from, level, via, back)
                            .isGreaterThanOrEqualTo(Expected.rank(from.name(), "CLASSIFICATION", level));
                }
            }
        }
    }

    @Test
    void gradingRoundTripsNeverComeBackMoreReliable() {
        for (GradingDimension dimension : List.of(GradingDimension.SOURCE, GradingDimension.INFORMATION)) {
            forEveryGradingTranslation(dimension, (from, code, via, there) -> {
                String back;
                try {
                    back = translate(dimension, via, there, from);
                } catch (NoSafeMappingException refused) {
                    return;
                }
                assertThat(Expected.rank(from.name(), dimension.name(), back))
                        .as("%s %s %s via %s comes back as %s", dimension, from, code, via, back)
                        .isLessThanOrEqualTo(Expected.rank(from.name(), dimension.name(), code));
            });
        }
    }

    /**
     * Not an invariant the loader enforces, but a sanity property of the chosen rows: a grade that is better than
     * another never translates to something worse than what the other translates to.
     */
    @Test
    void gradingTranslationsPreserveOrder() {
        for (GradingDimension dimension : List.of(GradingDimension.SOURCE, GradingDimension.INFORMATION)) {
            for (GradingScheme from : GradingScheme.values()) {
                for (GradingScheme to : GradingScheme.values()) {
                    List<String> codes = new ArrayList<>(Expected.CODES.get(from.name() + "/" + dimension.name()));
                    codes.sort(Comparator.comparingInt(c -> Expected.rank(from.name(), dimension.name(), c)));
                    int previous = -1;
                    for (String code : codes) {
                        String result;
                        try {
                            result = translate(dimension, from, code, to);
                        } catch (NoSafeMappingException refused) {
                            continue;
                        }
                        int rank = Expected.rank(to.name(), dimension.name(), result);
                        assertThat(rank).as("%s %s %s -> %s %s out of order", dimension, from, code, to, result)
                                .isGreaterThanOrEqualTo(previous);
                        previous = rank;
                    }
                }
            }
        }
    }

    @Test
    void everyCodeIsEitherTranslatedToAKnownCodeOrRefusedInEveryDirection() {
        for (GradingDimension dimension : GradingDimension.values()) {
            forEveryGradingTranslation(dimension, (from, code, to, result) ->
                    assertThat(grading.isKnown(to, dimension, result))
                            .as("%s %s %s -> %s gives unknown %s", dimension, from, code, to, result).isTrue());
        }
        for (ClassificationScheme from : ClassificationScheme.values()) {
            for (String level : Expected.CODES.get(from.name() + "/CLASSIFICATION")) {
                for (ClassificationScheme to : ClassificationScheme.values()) {
                    assertThat(marking.isKnown(to, marking.convert(from, level, to))).isTrue();
                }
            }
        }
    }

    @Test
    void refusalsAreExactlyTheExpectedOnes() {
        List<String> refused = new ArrayList<>();
        for (GradingDimension dimension : GradingDimension.values()) {
            for (GradingScheme from : GradingScheme.values()) {
                for (String code : Expected.CODES.get(from.name() + "/" + dimension.name())) {
                    for (GradingScheme to : GradingScheme.values()) {
                        try {
                            translate(dimension, from, code, to);
                        } catch (NoSafeMappingException e) {
                            refused.add(dimension + " " + from + " " + code + " -> " + to);
                        }
                    }
                }
            }
        }
        assertThat(refused).containsExactlyInAnyOrder(
                "INFORMATION UK_3X5X2 E -> EUROPOL",
                "INFORMATION UK_5X5X5 5 -> EUROPOL",
                "HANDLING UK_5X5X5 4 -> EUROPOL",
                "HANDLING UK_5X5X5 5 -> EUROPOL",
                "HANDLING UK_5X5X5 4 -> UK_3X5X2",
                "HANDLING UK_5X5X5 5 -> UK_3X5X2");
    }

    private interface Check {
        void check(GradingScheme from, String code, GradingScheme to, String result);
    }

    /** Every code of every scheme to every scheme (including itself); refused translations are skipped. */
    private static void forEveryGradingTranslation(GradingDimension dimension, Check check) {
        int checked = 0;
        for (GradingScheme from : GradingScheme.values()) {
            for (String code : Expected.CODES.get(from.name() + "/" + dimension.name())) {
                for (GradingScheme to : GradingScheme.values()) {
                    String result;
                    try {
                        result = translate(dimension, from, code, to);
                    } catch (NoSafeMappingException refused) {
                        continue;
                    }
                    check.check(from, code, to, result);
                    checked++;
                }
            }
        }
        if (checked == 0) {
            fail("nothing checked for " + dimension);
        }
    }

    private static String translate(GradingDimension dimension, GradingScheme from, String code, GradingScheme to) {
        return switch (dimension) {
            case SOURCE -> grading.sourceEvaluation(from, code, to);
            case INFORMATION -> grading.informationAssessment(from, code, to);
            case HANDLING -> grading.handlingCode(from, code, to);
        };
    }
}
