package uk.xborder.gateway.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately small, strict reader for the CSV dialect of {@code tables/}: UTF-8, one record per line
 * (RFC 4180 quoting, {@code ""} for a quote inside a quoted field, but no line breaks inside fields, so that every
 * record has one line number an auditor can point at), lines starting with {@code #} are comments, blank lines are
 * ignored. Anything it does not understand is an error naming the file and line; it never guesses.
 */
final class CsvReader {

    /** One meaningful line of the file: either a comment or a record. */
    sealed interface Entry permits Comment, Record {
        int line();
    }

    /** A {@code #} line; {@code text} is what follows the {@code #}, trimmed. */
    record Comment(int line, String text) implements Entry {
    }

    /** A record with its fields, unquoted. */
    record Record(int line, List<String> fields) implements Entry {
    }

    private CsvReader() {
    }

    static List<Entry> read(String file, byte[] content) {
        List<Entry> entries = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            int next = end < 0 ? content.length : end + 1;
            int stop = end < 0 ? content.length : end;
            if (stop > start && content[stop - 1] == '\r') {
                stop--;
            }
            lineNumber++;
            String text = decode(file, lineNumber, content, start, stop);
            if (lineNumber == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // spreadsheet programs write a byte-order mark; it carries no data
            }
            if (text.startsWith("#")) {
                entries.add(new Comment(lineNumber, text.substring(1).trim()));
            } else if (!text.isBlank()) {
                entries.add(new Record(lineNumber, fields(file, lineNumber, text)));
            }
            start = next;
        }
        return List.copyOf(entries);
    }

    private static List<String> fields(String file, int line, String text) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                int open = i;
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new InvalidTableException(file, line,
                                "quoted field starting at column " + (open + 1) + " is not closed"
                                        + " (fields may not span lines)");
                    }
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (i < text.length() && text.charAt(i) != ',') {
                    throw new InvalidTableException(file, line,
                            "unexpected text after the closing quote at column " + (i + 1));
                }
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    char c = text.charAt(i);
                    if (c == '"') {
                        throw new InvalidTableException(file, line,
                                "quote inside an unquoted field at column " + (i + 1)
                                        + "; quote the whole field and double the quote");
                    }
                    field.append(c);
                    i++;
                }
            }
            fields.add(field.toString());
            if (i >= text.length()) {
                return fields;
            }
            i++; // the comma; a trailing comma means one more, empty, field
        }
    }

    private static String decode(String file, int line, byte[] content, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidTableException(file, line, "not valid UTF-8");
        }
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
