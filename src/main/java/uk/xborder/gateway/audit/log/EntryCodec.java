package uk.xborder.gateway.audit.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.xborder.gateway.audit.AuditEvent;

/**
 * The one canonical byte form of a log entry: what is hashed into the Merkle tree, exported in evidence bundles and
 * re-hashed by verifiers. Compact UTF-8 JSON with a fixed field order, every field present (null when absent), times
 * as ISO-8601 instants at microsecond precision, codes (step, operation, outcome, reason) as the strings stored,
 * whatever this release knows of them. Changing this form changes every hash: it is versioned ({@code v}).
 */
public final class EntryCodec {

    /** Version of the canonical form. */
    public static final int VERSION = 1;

    /** Room for a typical entry (about 600 bytes) without growing the buffer. */
    private static final int CANONICAL_SIZE_HINT = 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private EntryCodec() {
    }

    public static byte[] canonical(LogEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(CANONICAL_SIZE_HINT);
        write(entry, out);
        return out.toByteArray();
    }

    /**
     * Writes the canonical form to {@code out} (which stays open): what {@link #canonical} returns, for code that
     * hashes millions of entries and keeps one buffer per thread. The fields are written straight to the generator,
     * in {@link EventField} order, as the mapper writes a map of them: no map or boxed value per entry.
     */
    public static void write(LogEntry entry, OutputStream out) {
        AuditEvent e = entry.event();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeNumberField("v", VERSION);
            json.writeNumberField("seq", entry.seq());
            json.writeStringField("recordedAt", instant(entry.recordedAt()));
            for (EventField field : EventField.values()) {
                json.writeFieldName(field.canonicalName());
                writeValue(json, field.of(e));
            }
            json.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Instant time) {
            json.writeString(instant(time));
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else {
            throw new IllegalStateException("an event field is a string, an instant or a list of strings, not a "
                    + value.getClass().getSimpleName());
        }
    }

    /** Reads the canonical form back; refuses anything that is not exactly a canonical entry. */
    public static LogEntry parse(byte[] canonical) {
        JsonNode node;
        try {
            node = JSON.readTree(canonical);
        } catch (IOException ex) {
            throw new IllegalArgumentException("not a canonical audit entry: it is not JSON", ex);
        }
        if (node == null || !node.isObject() || node.path("v").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("not a canonical audit entry of version " + VERSION);
        }
        try {
            return parseFields(node, canonical);
        } catch (NotCanonicalException e) {
            throw e;
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            // Java's own messages quote the offending value; an audit entry's values must not leak into logs.
            throw new IllegalArgumentException("audit entry " + node.path("seq").asLong(-1)
                    + " has a field that is missing or not of its type");
        }
    }

    private static LogEntry parseFields(JsonNode node, byte[] canonical) {
        AuditEvent event = new AuditEvent(text(node, "eventKey"), Instant.parse(text(node, "time")),
                text(node, "exchangeId"), text(node, "messageId"), text(node, "correlationId"),
                list(node, "caseReferences"), text(node, "step"),
                text(node, "operation"), text(node, "outcome"), text(node, "reason"),
                text(node, "explanation"), text(node, "actor"), text(node, "sender"), list(node, "recipients"),
                text(node, "marking"), text(node, "handling"), text(node, "legalBasis"),
                text(node, "justification"), text(node, "payloadDigest"));
        LogEntry entry = new LogEntry(node.path("seq").asLong(-1), Instant.parse(text(node, "recordedAt")), event);
        if (!java.util.Arrays.equals(canonical(entry), canonical)) {
            throw new NotCanonicalException("audit entry " + entry.seq() + " is not in canonical form");
        }
        return entry;
    }

    /** The bytes parse as an entry but are not its one canonical form. */
    static final class NotCanonicalException extends IllegalArgumentException {
        NotCanonicalException(String message) {
            super(message);
        }
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("audit entry has no field '" + field + "'");
        }
        return value.isNull() ? null : value.asText();
    }

    private static List<String> list(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
