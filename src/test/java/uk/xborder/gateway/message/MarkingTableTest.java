package uk.xborder.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.xborder.gateway.message.ClassificationScheme.EU;
import static uk.xborder.gateway.message.ClassificationScheme.UK_GSC;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.xborder.gateway.pipeline.ReasonCode;

/** Every row of classification.csv against a literal expectation, and the ceiling check built on it. */
class MarkingTableTest {

    private static MarkingTable table;

    @BeforeAll
    static void load() {
        table = MarkingTable.loadDefault();
    }

    static Stream<Arguments> rows() {
        return Expected.CLASSIFICATION_ROWS.stream().map(line -> {
            String[] f = line.split(",");
            return Arguments.of(ClassificationScheme.valueOf(f[0]), f[1], ClassificationScheme.valueOf(f[2]), f[3]);
        });
    }

    @ParameterizedTest(name = "{0} {1} -> {2} = {3}")
    @MethodSource("rows")
    void convert(ClassificationScheme from, String level, ClassificationScheme to, String expected) {
        assertThat(table.convert(from, level, to)).isEqualTo(expected);
    }

    @Test
    void everyLevelHasALiteralExpectation() {
        assertThat(Expected.CLASSIFICATION_ROWS.stream()
                .map(l -> String.join(",", List.of(l.split(",")).subList(0, 3))).toList())
                .containsExactlyInAnyOrderElementsOf(
                        Expected.directions("CLASSIFICATION", List.of("UK_GSC", "EU")));
    }

    @Test
    void ukSecretIsNeverSentAsConfidentiel() {
        assertThat(table.convert(UK_GSC, "SECRET", EU)).isEqualTo("SECRET-UE");
    }

    @ParameterizedTest(name = "{0} {1} within its own scheme")
    @CsvSource({"UK_GSC, OFFICIAL", "UK_GSC, TOP-SECRET", "EU, UNCLASSIFIED", "EU, CONFIDENTIEL-UE"})
    void sameSchemeReturnsTheLevelUnchanged(ClassificationScheme scheme, String level) {
        assertThat(table.convert(scheme, level, scheme)).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} {1} vs ceiling {2} {3} exceeds = {4}")
    @CsvSource({
            // the brief's examples
            "UK_GSC, SECRET,             EU,     CONFIDENTIEL-UE,    true",
            "UK_GSC, OFFICIAL-SENSITIVE, EU,     SECRET-UE,          false",
            "UK_GSC, TOP-SECRET,         EU,     SECRET-UE,          true",
            // equal after conversion is not above
            "UK_GSC, SECRET,             EU,     SECRET-UE,          false",
            "UK_GSC, OFFICIAL-SENSITIVE, EU,     RESTREINT-UE,       false",
            // OFFICIAL can only travel as RESTREINT-UE, so an UNCLASSIFIED-only partner may not receive it
            "UK_GSC, OFFICIAL,           EU,     UNCLASSIFIED,       true",
            "UK_GSC, OFFICIAL,           EU,     RESTREINT-UE,       false",
            // EU CONFIDENTIAL is protected as UK SECRET
            "EU,     CONFIDENTIEL-UE,    UK_GSC, OFFICIAL-SENSITIVE, true",
            "EU,     CONFIDENTIEL-UE,    UK_GSC, SECRET,             false",
            "EU,     RESTREINT-UE,       UK_GSC, OFFICIAL,           true",
            "EU,     UNCLASSIFIED,       UK_GSC, OFFICIAL,           false",
            "EU,     TRES-SECRET-UE,     UK_GSC, SECRET,             true",
            // same scheme
            "EU,     CONFIDENTIEL-UE,    EU,     RESTREINT-UE,       true",
            "EU,     CONFIDENTIEL-UE,    EU,     CONFIDENTIEL-UE,    false",
            "UK_GSC, OFFICIAL,           UK_GSC, OFFICIAL-SENSITIVE, false",
            "UK_GSC, TOP-SECRET,         UK_GSC, SECRET,             true"})
    void exceeds(ClassificationScheme scheme, String level, ClassificationScheme ceilingScheme, String ceiling,
                 boolean expected) {
        assertThat(table.exceeds(scheme, level, ceilingScheme, ceiling)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "unknown level {1} of {0}")
    @CsvSource({"UK_GSC, CONFIDENTIAL", "UK_GSC, secret", "UK_GSC, RESTRICTED", "EU, SECRET", "EU, ''",
            "UK_GSC, 'SECRET '"})
    void anUnknownLevelHasNoSafeMapping(ClassificationScheme scheme, String level) {
        for (ClassificationScheme to : ClassificationScheme.values()) {
            assertThatThrownBy(() -> table.convert(scheme, level, to))
                    .isInstanceOfSatisfying(NoSafeMappingException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ReasonCode.NO_SAFE_MAPPING);
                        assertThat(e.explanation()).contains(scheme.name(), "protective marking", to.name());
                    });
        }
        assertThatThrownBy(() -> table.exceeds(scheme, level, EU, "SECRET-UE"))
                .isInstanceOf(NoSafeMappingException.class);
        assertThat(table.isKnown(scheme, level)).isFalse();
    }

    @Test
    void anUnknownCeilingIsAConfigurationErrorNotTheSendersFault() {
        assertThatThrownBy(() -> table.exceeds(UK_GSC, "SECRET", EU, "CONFIDENTIAL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ceiling")
                .hasMessageContaining("'CONFIDENTIAL'");
    }

    @Test
    void isKnownAcceptsExactlyTheSchemesLevels() {
        for (ClassificationScheme scheme : ClassificationScheme.values()) {
            for (String level : Expected.CODES.get(scheme.name() + "/CLASSIFICATION")) {
                assertThat(table.isKnown(scheme, level)).as("%s %s", scheme, level).isTrue();
            }
        }
        assertThat(table.isKnown(UK_GSC, "RESTREINT-UE")).isFalse();
        assertThat(table.isKnown(EU, "OFFICIAL")).isFalse();
        assertThat(table.isKnown(EU, null)).isFalse();
    }

    @Test
    void versionNamesEveryLoadedTable() {
        assertThat(table.version()).isEqualTo("scales=2026.1;classification=2026.1");
        assertThat(MarkingTable.load(TestTables.realDir()).version()).isEqualTo(table.version());
    }
}
