package uk.xborder.gateway.message;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One table file read to the conventions of {@code tables/README.md}: {@code # key: value} metadata lines before the
 * header (table, version, date, purpose, invariant), then a header row that must be exactly the expected columns,
 * then data rows with exactly that many fields. Fields are not trimmed: a stray space is an error rather than
 * something silently forgiven, because codes are compared exactly.
 */
final class TableFile {

    static final List<String> METADATA_KEYS = List.of("table", "version", "date", "purpose", "invariant");
    private static final Pattern VERSION = Pattern.compile("[0-9]{4}\\.[0-9]+");
    private static final Pattern METADATA = Pattern.compile("([a-z_]+):\\s*(.*)");

    /** A data row: its line number and its fields by column name. */
    record Row(String file, int line, Map<String, String> fields) {

        /** The field's value; the loader treats an empty value as absent. */
        String get(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return value;
        }

        /** The field's value, which must not be empty or blank. */
        String required(String column) {
            String value = get(column);
            if (value.isBlank()) {
                throw error("column '" + column + "' is empty");
            }
            return value;
        }

        InvalidTableException error(String problem) {
            return new InvalidTableException(file, line, problem);
        }
    }

    private final String file;
    private final String version;
    private final List<Row> rows;

    private TableFile(String file, String version, List<Row> rows) {
        this.file = file;
        this.version = version;
        this.rows = rows;
    }

    static TableFile read(TableSource source, String fileName, List<String> columns) {
        String file = source.describe(fileName);
        String tableId = fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
        List<CsvReader.Entry> entries = CsvReader.read(file, source.read(fileName));

        Map<String, String> metadata = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (CsvReader.Entry entry : entries) {
            if (entry instanceof CsvReader.Comment comment) {
                if (!headerSeen) {
                    metadata(file, comment, metadata);
                }
                continue;
            }
            CsvReader.Record record = (CsvReader.Record) entry;
            if (!headerSeen) {
                checkMetadata(file, record.line(), tableId, metadata);
                if (!record.fields().equals(columns)) {
                    throw new InvalidTableException(file, record.line(),
                            "header must be exactly " + String.join(",", columns)
                                    + " but is " + String.join(",", record.fields()));
                }
                headerSeen = true;
                continue;
            }
            if (record.fields().size() != columns.size()) {
                throw new InvalidTableException(file, record.line(),
                        "expected " + columns.size() + " fields (" + String.join(",", columns) + ") but found "
                                + record.fields().size() + "; quote a field that contains a comma");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String value = record.fields().get(i);
                if (!value.equals(value.strip())) {
                    throw new InvalidTableException(file, record.line(),
                            "column '" + columns.get(i) + "' has leading or trailing spaces");
                }
                fields.put(columns.get(i), value);
            }
            rows.add(new Row(file, record.line(), Map.copyOf(fields)));
        }
        if (!headerSeen) {
            throw new InvalidTableException(file, 0, "no header row (" + String.join(",", columns) + ")");
        }
        return new TableFile(file, metadata.get("version"), List.copyOf(rows));
    }

    private static void metadata(String file, CsvReader.Comment comment, Map<String, String> metadata) {
        var m = METADATA.matcher(comment.text());
        if (!m.matches() || !METADATA_KEYS.contains(m.group(1))) {
            return; // an ordinary comment
        }
        String key = m.group(1);
        String value = m.group(2).strip();
        if (metadata.containsKey(key)) {
            throw new InvalidTableException(file, comment.line(), "'" + key + "' is given twice");
        }
        if (value.isEmpty()) {
            throw new InvalidTableException(file, comment.line(), "'" + key + "' is empty");
        }
        if (key.equals("version") && !VERSION.matcher(value).matches()) {
            throw new InvalidTableException(file, comment.line(),
                    "version must look like 2026.1 (year.revision) but is '" + value + "'");
        }
        if (key.equals("date")) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidTableException(file, comment.line(),
                        "date must be an ISO date like 2026-11-25 but is '" + value + "'");
            }
        }
        metadata.put(key, value);
    }

    private static void checkMetadata(String file, int headerLine, String tableId, Map<String, String> metadata) {
        for (String key : METADATA_KEYS) {
            if (!metadata.containsKey(key)) {
                throw new InvalidTableException(file, headerLine,
                        "the '# " + key + ":' line is missing before the header");
            }
        }
        if (!metadata.get("table").equals(tableId)) {
            throw new InvalidTableException(file, headerLine,
                    "'# table: " + metadata.get("table") + "' does not match the file name (expected " + tableId + ")");
        }
    }

    String file() {
        return file;
    }

    String version() {
        return version;
    }

    List<Row> rows() {
        return rows;
    }
}
