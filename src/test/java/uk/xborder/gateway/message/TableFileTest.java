package uk.xborder.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table conventions on top of the CSV syntax: metadata, exact header, exact field count, no stray spaces. */
class TableFileTest {

    private static final String HEAD = """
            # table: demo
            # version: 2026.1
            # date: 2026-11-25
            # purpose: a demo
            # invariant: none
            """;

    @TempDir
    Path dir;

    private TableFile read(String text) throws IOException {
        Files.writeString(dir.resolve("demo.csv"), text, StandardCharsets.UTF_8);
        return TableFile.read(TableSource.directory(dir), "demo.csv", List.of("a", "b"));
    }

    @Test
    void readsRowsByColumnWithLineNumbers() throws IOException {
        TableFile table = read(HEAD + "# free comment\na,b\n\nx,\"y, z\"\n");
        assertThat(table.version()).isEqualTo("2026.1");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(9);
            assertThat(row.get("a")).isEqualTo("x");
            assertThat(row.get("b")).isEqualTo("y, z");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stray space      | a,b\\nx ,y           | line 7: column 'a' has leading or trailing spaces",
            "too few fields   | a,b\\nx             | line 7: expected 2 fields",
            "too many fields  | a,b\\nx,y,z         | line 7: expected 2 fields",
            "header           | b,a\\nx,y           | line 6: header must be exactly a,b but is b,a",
            "no header        | ''                  | : no header row"})
    void refusesRowsThatBreakTheConventions(String name, String body, String message) {
        assertThatThrownBy(() -> read(HEAD + body.replace("\\n", "\n") + "\n"))
                .isInstanceOf(InvalidTableException.class)
                .hasMessageContaining("demo.csv" + (message.startsWith(":") ? "" : " ") + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "# table: other               | line 6: '# table: other' does not match the file name (expected demo)",
            "# version: 2026              | line 2: version must look like 2026.1",
            "# date: 25/11/2026           | line 3: date must be an ISO date",
            "# purpose:                   | line 4: 'purpose' is empty"})
    void refusesBadMetadata(String replacement, String message) {
        String key = replacement.substring(2, replacement.indexOf(':'));
        String head = HEAD.lines().map(l -> l.startsWith("# " + key + ":") ? replacement.strip() : l)
                .reduce("", (x, y) -> x + y + "\n");
        assertThatThrownBy(() -> read(head + "a,b\n"))
                .isInstanceOf(InvalidTableException.class)
                .hasMessageContaining("demo.csv " + message.strip());
    }

    @Test
    void metadataMayNotBeGivenTwice() {
        assertThatThrownBy(() -> read(HEAD + "# version: 2026.2\na,b\n"))
                .hasMessageContaining("demo.csv line 6: 'version' is given twice");
    }

    @Test
    void metadataAfterTheHeaderIsJustAComment() throws IOException {
        assertThat(read(HEAD + "a,b\n# version: 9999.9\nx,y\n").version()).isEqualTo("2026.1");
    }

    @Test
    void aFileFarTooLargeToBeATableIsNotRead() throws IOException {
        Files.write(dir.resolve("demo.csv"), new byte[TableSource.MAX_BYTES + 1]);
        assertThatThrownBy(() -> TableFile.read(TableSource.directory(dir), "demo.csv", List.of("a", "b")))
                .isInstanceOf(InvalidTableException.class)
                .hasMessageContaining("demo.csv: larger than");
    }
}
