package uk.xborder.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scales.csv holds exactly the codes of each scheme with exactly the ranks the tests expect, and every table file
 * carries its metadata and cites a published source on every row.
 */
class ScalesTest {

    private final Scales scales = Scales.load(TableSource.classpath());

    @Test
    void everySchemeHasExactlyItsPublishedCodesInOrder() {
        for (Map.Entry<String, List<String>> entry : Expected.CODES.entrySet()) {
            String[] key = entry.getKey().split("/");
            assertThat(scales.codes(key[0], Dimension.valueOf(key[1])).stream().map(Scales.Grade::code))
                    .as(entry.getKey())
                    .containsExactlyElementsOf(entry.getValue());
        }
    }

    @Test
    void everyRankIsTheExpectedRank() {
        Map<String, Integer> actual = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : Expected.CODES.entrySet()) {
            String[] key = entry.getKey().split("/");
            for (Scales.Grade grade : scales.codes(key[0], Dimension.valueOf(key[1]))) {
                actual.put(entry.getKey() + "/" + grade.code(), grade.rank());
            }
        }
        assertThat(actual).isEqualTo(Expected.RANKS);
    }

    @Test
    void exactlyTheFreeTextHandlingCodesCarryConditions() {
        for (Map.Entry<String, List<String>> entry : Expected.CODES.entrySet()) {
            String[] key = entry.getKey().split("/");
            for (Scales.Grade grade : scales.codes(key[0], Dimension.valueOf(key[1]))) {
                assertThat(grade.carriesConditions()).as(entry.getKey() + "/" + grade.code())
                        .isEqualTo(Expected.CARRIES_CONDITIONS.contains(entry.getKey() + "/" + grade.code()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scales.csv", "grading-source.csv", "grading-information.csv", "handling.csv",
            "classification.csv", "caveats.csv"})
    void everyFileStartsWithItsMetadata(String file) throws IOException {
        List<String> lines = Files.readAllLines(TestTables.realDir().resolve(file), StandardCharsets.UTF_8);
        String id = file.replace(".csv", "");
        assertThat(lines.subList(0, 5)).satisfies(head -> {
            assertThat(head.get(0)).isEqualTo("# table: " + id);
            assertThat(head.get(1)).isEqualTo("# version: 2026.1");
            assertThat(head.get(2)).matches("# date: \\d{4}-\\d{2}-\\d{2}");
            assertThat(head.get(3)).startsWith("# purpose: ");
            assertThat(head.get(4)).startsWith("# invariant: ");
        });
    }

    /** Every row cites one of the publications the tables are built on; these citations are the audit trail. */
    @ParameterizedTest
    @ValueSource(strings = {"scales.csv", "grading-source.csv", "grading-information.csv", "handling.csv",
            "classification.csv", "caveats.csv"})
    void everyRowCitesAPublishedSource(String file) {
        List<String> publications = List.of("College of Policing APP Intelligence management",
                "HMRC manual MLR3C14000", "Europol Regulation (EU) 2016/794 Art. 29", "Council doc 6261/18",
                "Council Decision 2013/488/EU", "EU-UK Security of Information Agreement 2020",
                "Cabinet Office Government Security Classifications");
        String columns = String.join(",", file.equals("scales.csv") ? Scales.COLUMNS
                : file.equals("handling.csv") ? MappingTable.HANDLING_COLUMNS
                : file.equals("caveats.csv") ? CaveatTable.COLUMNS : MappingTable.COLUMNS);
        TableFile table = TableFile.read(TableSource.directory(TestTables.realDir()), file, List.of(columns.split(",")));
        assertThat(table.rows()).isNotEmpty().allSatisfy(row -> assertThat(publications)
                .as("line %d cites %s", row.line(), row.get("source"))
                .anySatisfy(p -> assertThat(row.get("source")).contains(p)));
    }

    @Test
    void theClasspathCopyIsTheProjectCopy() throws IOException {
        // Guards against a stale target/classes: the jar must ship exactly what is reviewed in tables/.
        for (String file : List.of("scales.csv", "grading-source.csv", "grading-information.csv", "handling.csv",
                "classification.csv", "caveats.csv")) {
            byte[] packaged = TableSource.classpath().read(file);
            assertThat(packaged).as(file).isEqualTo(Files.readAllBytes(TestTables.realDir().resolve(file)));
        }
        assertThat(Path.of(TableSource.classpath().describe("x.csv"))).hasToString("classpath:tables/x.csv");
    }
}
