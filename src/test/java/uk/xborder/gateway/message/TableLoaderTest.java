package uk.xborder.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader is the safety net against a bad edit: each fixture under src/test/resources/tables-bad/ breaks one
 * table in one way (laid over a copy of the real tables), and loading must fail naming the file and the line.
 */
class TableLoaderTest {

    /** fixture | file | line (0 = whole file) | phrase the message must contain. */
    private static final List<String> CASES = List.of(
            // the invariants
            "raises-reliability    | grading-source.csv      | 10 | UK_3X5X2 '1' -> EUROPOL 'A' raises source reliability (rank 3 -> 4 in scales.csv)",
            "raises-confidence     | grading-information.csv | 10 | UK_3X5X2 'A' -> EUROPOL '1' raises confidence in the information",
            "lowers-marking        | classification.csv      | 12 | UK_GSC 'SECRET' -> EU 'CONFIDENTIEL-UE' lowers protection (rank 4 -> 3",
            "loosens-handling      | handling.csv            | 25 | EUROPOL 'H2' -> UK_5X5X5 '1' loosens handling (rank 3 -> 1",
            "scales-rank-edit      | grading-source.csv      | 10 | UK_3X5X2 '1' -> EUROPOL 'B' raises source reliability (rank 3 -> 4",
            "dropped-condition     | handling.csv            | 28 | UK_3X5X2 'C' carries free-text conditions but UK_5X5X5 '4' cannot carry them",
            "missing-condition     | handling.csv            | 21 | UK_3X5X2 'C' carries conditions: column 'condition' must state",
            "refuse-with-condition | handling.csv            | 30 | a REFUSE row sends nothing, so it cannot attach a condition",
            // codes and schemes
            "unknown-code          | grading-information.csv | 18 | unknown EUROPOL information assessment code '5'",
            "unknown-from-code     | grading-source.csv      | 34 | unknown EUROPOL source evaluation code 'D'",
            "unknown-scheme        | grading-source.csv      | 11 | to_scheme 'INTERPOL' is not one of",
            "same-scheme-row       | grading-source.csv      | 34 | from_scheme and to_scheme are both EUROPOL",
            // completeness and uniqueness
            "duplicate-row         | grading-source.csv      | 34 | duplicate row for UK_5X5X5 'D' -> EUROPOL (first on line 16)",
            "missing-row           | handling.csv            |  0 | missing row for UK_3X5X2 'P' -> UK_5X5X5 (the code is defined on scales.csv line 50",
            // citations and rationale
            "missing-citation      | classification.csv      | 16 | column 'source' is empty",
            "missing-rationale     | grading-information.csv | 22 | column 'rationale' is empty",
            // syntax
            "malformed-line        | grading-information.csv | 11 | quoted field starting at column 22 is not closed",
            "wrong-field-count     | grading-source.csv      | 17 | expected 6 fields",
            "not-utf8              | classification.csv      | 18 | not valid UTF-8",
            // metadata and header
            "missing-version       | grading-source.csv      |  9 | the '# version:' line is missing before the header",
            "bad-version           | classification.csv      |  2 | version must look like 2026.1 (year.revision) but is '1'",
            "wrong-table-id        | handling.csv            | 11 | '# table: handling-old' does not match the file name",
            "wrong-header          | grading-information.csv |  9 | header must be exactly from_scheme,from_code,to_scheme,to_code",
            // scales.csv itself
            "scales-duplicate-code | scales.csv              | 88 | duplicate code EUROPOL SOURCE 'B' (first defined on line 68)",
            "scales-bad-rank       | scales.csv              | 55 | rank 'low' is not a whole number",
            "scales-reserved-code  | scales.csv              | 88 | 'REFUSE' is reserved",
            // caveats.csv
            "caveat-audience-without-uk | caveats.csv        | 18 | audience 'IE' does not include UK",
            "caveat-bad-jurisdiction    | caveats.csv        | 21 | audience 'UK EUROPOL' must be jurisdiction codes",
            "caveat-jurisdiction-twice  | caveats.csv        | 19 | audience 'UK US UK' names UK twice",
            "caveat-duplicate           | caveats.csv        | 20 | duplicate row for caveat 'UK EYES ONLY' (first on line 16)",
            "caveat-not-carriable       | caveats.csv        | 17 | caveat 'Ukeo' is not spelled as a message can carry it",
            "caveat-empty-audience      | caveats.csv        | 17 | column 'audience' is empty",
            "caveat-missing-source      | caveats.csv        | 17 | column 'source' is empty");

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> {
            String[] f = c.split("\\|", 4);
            return Arguments.of(f[0].strip(), f[1].strip(), Integer.parseInt(f[2].strip()), f[3].strip());
        });
    }

    @ParameterizedTest(name = "{0}: {1} line {2}")
    @MethodSource("cases")
    void aBadTableFailsLoadingNamingFileAndLine(String fixture, String file, int line, String phrase,
                                                @TempDir Path work) {
        Path dir = TestTables.withFixture(fixture, work);
        String where = line > 0 ? file + " line " + line + ": " : file + ": ";
        Runnable load = switch (file) {
            case "classification.csv" -> () -> MarkingTable.load(dir);
            case "caveats.csv" -> () -> CaveatTable.load(dir);
            default -> () -> GradingTables.load(dir);
        };
        assertThatThrownBy(load::run)
                .isInstanceOf(IllegalStateException.class)
                .isInstanceOfSatisfying(InvalidTableException.class, e -> {
                    assertThat(e.file()).endsWith(file);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).contains(where).contains(phrase);
                });
    }

    @Test
    void scalesFaultsStopBothLoaders(@TempDir Path work) {
        Path dir = TestTables.withFixture("scales-bad-rank", work);
        assertThatThrownBy(() -> MarkingTable.load(dir)).hasMessageContaining("scales.csv line 55");
        assertThatThrownBy(() -> GradingTables.load(dir)).hasMessageContaining("scales.csv line 55");
    }

    @Test
    void aGradingFaultDoesNotStopTheMarkingTableAndViceVersa(@TempDir Path work) throws IOException {
        // Each loader reads only its own files, so a fault is reported by the loader that owns the file.
        Path grading = Files.createDirectory(work.resolve("g"));
        assertThat(MarkingTable.load(TestTables.withFixture("raises-reliability", grading)).version())
                .isEqualTo("scales=2026.1;classification=2026.1");
        Path marking = Files.createDirectory(work.resolve("m"));
        assertThat(GradingTables.load(TestTables.withFixture("lowers-marking", marking)).version())
                .startsWith("scales=2026.1;");
    }

    @Test
    void everyFixtureHasACase() throws IOException {
        try (Stream<Path> dirs = Files.list(TestTables.badFixture(""))) {
            assertThat(dirs.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(cases().map(a -> (String) a.get()[0]).toList());
        }
    }

    @Test
    void theFixturesBreakOnlyOneFileEach() throws IOException {
        for (String fixture : cases().map(a -> (String) a.get()[0]).toList()) {
            try (Stream<Path> files = Files.list(TestTables.badFixture(fixture))) {
                assertThat(files.count()).as(fixture).isEqualTo(1);
            }
        }
    }
}
