package uk.xborder.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/** Every row of grading-source.csv, grading-information.csv and handling.csv against a literal expectation. */
class GradingTablesTest {

    private static GradingTables tables;

    @BeforeAll
    static void load() {
        tables = GradingTables.loadDefault();
    }

    static Stream<Arguments> sourceRows() {
        return rows(Expected.SOURCE_ROWS);
    }

    static Stream<Arguments> informationRows() {
        return rows(Expected.INFORMATION_ROWS);
    }

    static Stream<Arguments> handlingRows() {
        return rows(Expected.HANDLING_ROWS);
    }

    @ParameterizedTest(name = "source {0} {1} -> {2} = {3}")
    @MethodSource("sourceRows")
    void sourceEvaluation(GradingScheme from, String code, GradingScheme to, String expected) {
        assertRow(() -> tables.sourceEvaluation(from, code, to), code, to, expected, "source evaluation");
    }

    @ParameterizedTest(name = "information {0} {1} -> {2} = {3}")
    @MethodSource("informationRows")
    void informationAssessment(GradingScheme from, String code, GradingScheme to, String expected) {
        assertRow(() -> tables.informationAssessment(from, code, to), code, to, expected, "information assessment");
    }

    @ParameterizedTest(name = "handling {0} {1} -> {2} = {3}")
    @MethodSource("handlingRows")
    void handlingCode(GradingScheme from, String code, GradingScheme to, String expected, String phrase) {
        assertRow(() -> tables.handlingCode(from, code, to), code, to, expected, "handling code");
        if (expected.equals(Expected.REFUSE)) {
            assertThatThrownBy(() -> tables.handlingCondition(from, code, to))
                    .isInstanceOf(NoSafeMappingException.class);
        } else if (phrase.equals("-")) {
            assertThat(tables.handlingCondition(from, code, to)).isEmpty();
        } else {
            assertThat(tables.handlingCondition(from, code, to)).hasValueSatisfying(condition -> assertThat(condition)
                    .containsIgnoringCase(phrase));
        }
    }

    @ParameterizedTest(name = "{0} {1} at least as restrictive as {2} {3}: {4}")
    @CsvSource({
            "EUROPOL, H2, EUROPOL, H2, true", "EUROPOL, H3, EUROPOL, H2, true", "EUROPOL, H1, EUROPOL, H2, false",
            "UK_5X5X5, 4, EUROPOL, H2, true", "UK_5X5X5, 2, EUROPOL, H0, false", "UK_3X5X2, C, EUROPOL, H3, true",
            "UK_3X5X2, P, UK_5X5X5, 1, false", "UK_5X5X5, 5, UK_5X5X5, 4, true"})
    void handlingRestrictivenessIsComparedOnTheSharedLadder(GradingScheme scheme, String code,
                                                            GradingScheme referenceScheme, String reference,
                                                            boolean atLeast) {
        assertThat(tables.handlingAtLeastAsRestrictive(scheme, code, referenceScheme, reference)).isEqualTo(atLeast);
    }

    @Test
    void anUnknownHandlingCodeCannotBeCompared() {
        assertThatThrownBy(() -> tables.handlingAtLeastAsRestrictive(GradingScheme.EUROPOL, "H4",
                GradingScheme.EUROPOL, "H2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("H4");
    }

    @Test
    void everyDirectionHasALiteralExpectation() {
        // The literal lists above must cover every code in every direction, no more and no fewer.
        List<String> schemes = List.of("UK_3X5X2", "UK_5X5X5", "EUROPOL");
        assertThat(keys(Expected.SOURCE_ROWS))
                .containsExactlyInAnyOrderElementsOf(Expected.directions("SOURCE", schemes));
        assertThat(keys(Expected.INFORMATION_ROWS))
                .containsExactlyInAnyOrderElementsOf(Expected.directions("INFORMATION", schemes));
        assertThat(keys(Expected.HANDLING_ROWS))
                .containsExactlyInAnyOrderElementsOf(Expected.directions("HANDLING", schemes));
    }

    @ParameterizedTest(name = "{0} {1} {2} stays {2} within one scheme")
    @CsvSource({
            "UK_3X5X2, SOURCE, 1", "UK_3X5X2, INFORMATION, E", "UK_3X5X2, HANDLING, C",
            "UK_5X5X5, SOURCE, C", "UK_5X5X5, INFORMATION, 5", "UK_5X5X5, HANDLING, 5",
            "EUROPOL, SOURCE, X", "EUROPOL, INFORMATION, 4", "EUROPOL, HANDLING, H3"})
    void sameSchemeReturnsTheCodeUnchanged(GradingScheme scheme, GradingDimension dimension, String code) {
        String result = switch (dimension) {
            case SOURCE -> tables.sourceEvaluation(scheme, code, scheme);
            case INFORMATION -> tables.informationAssessment(scheme, code, scheme);
            case HANDLING -> tables.handlingCode(scheme, code, scheme);
        };
        assertThat(result).isEqualTo(code);
        if (dimension == GradingDimension.HANDLING) {
            assertThat(tables.handlingCondition(scheme, code, scheme)).isEmpty();
        }
    }

    @ParameterizedTest(name = "unknown code {1} of {0}")
    @CsvSource({"UK_3X5X2, 4", "UK_3X5X2, a", "UK_5X5X5, F", "EUROPOL, D", "EUROPOL, ' A'", "EUROPOL, ''"})
    void anUnknownCodeHasNoSafeMappingEvenWithinItsScheme(GradingScheme scheme, String code) {
        for (GradingScheme to : GradingScheme.values()) {
            assertThatThrownBy(() -> tables.sourceEvaluation(scheme, code, to))
                    .isInstanceOfSatisfying(NoSafeMappingException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ReasonCode.NO_SAFE_MAPPING);
                        assertThat(e.explanation()).contains(scheme.name(), "not a known code", to.name());
                    });
        }
        assertThatThrownBy(() -> tables.informationAssessment(scheme, "Z", GradingScheme.EUROPOL))
                .isInstanceOf(NoSafeMappingException.class);
        assertThatThrownBy(() -> tables.handlingCode(scheme, "H9", GradingScheme.UK_3X5X2))
                .isInstanceOf(NoSafeMappingException.class);
    }

    @Test
    void aNullCodeIsRefusedNotAnError() {
        assertThatThrownBy(() -> tables.sourceEvaluation(GradingScheme.EUROPOL, null, GradingScheme.UK_3X5X2))
                .isInstanceOf(NoSafeMappingException.class)
                .hasMessageContaining("(none)");
        assertThat(tables.isKnown(GradingScheme.EUROPOL, GradingDimension.SOURCE, null)).isFalse();
    }

    @Test
    void anUntrustedCodeIsQuotedSafelyInTheExplanation() {
        String hostile = "X\nFORGED AUDIT LINE " + "y".repeat(200);
        assertThatThrownBy(() -> tables.sourceEvaluation(GradingScheme.EUROPOL, hostile, GradingScheme.UK_3X5X2))
                .isInstanceOf(NoSafeMappingException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("y".repeat(30)));
    }

    @Test
    void refusalIsAMessageRejectionWithReasonNoSafeMapping() {
        assertThatThrownBy(() -> tables.informationAssessment(GradingScheme.UK_3X5X2, "E", GradingScheme.EUROPOL))
                .isInstanceOf(MessageRejectedException.class)
                .isInstanceOfSatisfying(NoSafeMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReasonCode.NO_SAFE_MAPPING);
                    assertThat(e.explanation())
                            .contains("UK_3X5X2", "'E'", "EUROPOL", "information assessment")
                            .contains("Suspected to be false or malicious has no Europol information code")
                            .contains("grading-information 2026.1");
                });
    }

    @ParameterizedTest
    @EnumSource(GradingScheme.class)
    void isKnownAcceptsExactlyTheSchemesCodes(GradingScheme scheme) {
        for (GradingDimension dimension : GradingDimension.values()) {
            List<String> codes = Expected.CODES.get(scheme.name() + "/" + dimension.name());
            for (String code : codes) {
                assertThat(tables.isKnown(scheme, dimension, code)).as("%s %s %s", scheme, dimension, code).isTrue();
            }
            for (String code : List.of("", "REFUSE", "0", "6", "F", "Y", "H4", "a", "p", "h0", "1 ")) {
                assertThat(tables.isKnown(scheme, dimension, code)).as("%s %s %s", scheme, dimension, code)
                        .isEqualTo(codes.contains(code));
            }
        }
    }

    @Test
    void versionNamesEveryLoadedTable() {
        assertThat(tables.version())
                .isEqualTo("scales=2026.1;grading-source=2026.1;grading-information=2026.1;handling=2026.1");
        assertThat(tables).hasToString("GradingTables[" + tables.version() + "]");
    }

    @Test
    void theDirectoryLoaderReadsTheSameTablesAsTheJar() {
        GradingTables fromDir = GradingTables.load(TestTables.realDir());
        assertThat(fromDir.version()).isEqualTo(tables.version());
        assertThat(fromDir.sourceEvaluation(GradingScheme.UK_3X5X2, "1", GradingScheme.EUROPOL)).isEqualTo("B");
    }

    @Test
    void aMissingDirectoryFailsFastNamingTheFile() {
        Path nowhere = Path.of("does-not-exist");
        assertThatThrownBy(() -> GradingTables.load(nowhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scales.csv")
                .hasMessageContaining("not found");
    }

    private static void assertRow(ThrowingSupplier call, String code, GradingScheme to, String expected,
                                  String label) {
        if (expected.equals(Expected.REFUSE)) {
            assertThatThrownBy(call::get)
                    .isInstanceOfSatisfying(NoSafeMappingException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ReasonCode.NO_SAFE_MAPPING);
                        assertThat(e.explanation()).contains("'" + code + "'", to.name(), label, "No safe mapping");
                    });
        } else {
            assertThat(call.get()).isEqualTo(expected);
        }
    }

    private interface ThrowingSupplier {
        String get();
    }

    private static Stream<Arguments> rows(List<String> lines) {
        return lines.stream().map(line -> {
            String[] f = line.split(",", -1);
            Object[] args = new Object[f.length];
            args[0] = GradingScheme.valueOf(f[0]);
            args[1] = f[1];
            args[2] = GradingScheme.valueOf(f[2]);
            System.arraycopy(f, 3, args, 3, f.length - 3);
            return Arguments.of(args);
        });
    }

    private static List<String> keys(List<String> lines) {
        return lines.stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 3))).toList();
    }
}
