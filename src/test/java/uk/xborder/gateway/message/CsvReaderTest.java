package uk.xborder.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvReaderTest {

    private static List<CsvReader.Entry> read(String text) {
        return CsvReader.read("t.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(String line) {
        return ((CsvReader.Record) read(line).get(0)).fields();
    }

    @Test
    void plainQuotedAndEmptyFields() {
        assertThat(fields("a,b,c")).containsExactly("a", "b", "c");
        assertThat(fields("a,\"b, with comma\",c")).containsExactly("a", "b, with comma", "c");
        assertThat(fields("\"say \"\"no\"\"\",x")).containsExactly("say \"no\"", "x");
        assertThat(fields("a,,c,")).containsExactly("a", "", "c", "");
        assertThat(fields("\"\",b")).containsExactly("", "b");
        assertThat(fields("café,Très")).containsExactly("café", "Très");
    }

    @Test
    void commentsAndBlankLinesKeepTheirLineNumbers() {
        List<CsvReader.Entry> entries = read("# table: x\n\n  \n#\nh1,h2\r\n# note\nv1,v2");
        assertThat(entries).containsExactly(
                new CsvReader.Comment(1, "table: x"),
                new CsvReader.Comment(4, ""),
                new CsvReader.Record(5, List.of("h1", "h2")),
                new CsvReader.Comment(6, "note"),
                new CsvReader.Record(7, List.of("v1", "v2")));
    }

    @Test
    void aByteOrderMarkIsIgnoredOnlyAtTheStart() {
        assertThat(read("\uFEFF# table: x\na,b").get(0)).isEqualTo(new CsvReader.Comment(1, "table: x"));
        assertThat(fields("a,\uFEFFb")).containsExactly("a", "\uFEFFb");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a,\"unterminated              | line 2: quoted field starting at column 3 is not closed",
            "a,\"closed\"x,c               | line 2: unexpected text after the closing quote at column 11",
            "a,b\"c,d                       | line 2: quote inside an unquoted field at column 4",
            "\"a\" ,b                       | line 2: unexpected text after the closing quote at column 4"})
    void malformedLinesNameFileAndLine(String line, String message) {
        assertThatThrownBy(() -> read("# ok\n" + line.strip() + "\nx,y"))
                .isInstanceOf(InvalidTableException.class)
                .hasMessage("t.csv " + message.strip() + (message.contains("not closed")
                        ? " (fields may not span lines)" : message.contains("unquoted")
                        ? "; quote the whole field and double the quote" : ""));
    }

    @Test
    void aQuotedFieldMayNotSpanLines() {
        assertThatThrownBy(() -> read("a,\"first\nsecond\",c"))
                .isInstanceOf(InvalidTableException.class)
                .hasMessageStartingWith("t.csv line 1: quoted field");
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() {
        byte[] bytes = {'a', ',', 'b', '\n', 'c', ',', (byte) 0xC3, '\n'};
        assertThatThrownBy(() -> CsvReader.read("t.csv", bytes))
                .isInstanceOf(InvalidTableException.class)
                .hasMessage("t.csv line 2: not valid UTF-8");
    }
}
