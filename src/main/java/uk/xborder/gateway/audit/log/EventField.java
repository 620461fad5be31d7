package uk.xborder.gateway.audit.log;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import uk.xborder.gateway.audit.AuditEvent;

/**
 * The fields of an audit event, declared once: in canonical order (the order {@link EntryCodec} writes them, which
 * every hash depends on), each with its name in the canonical form, its column in the store
 * ({@code db/audit/V1__audit_log.sql}; lists are child tables instead), whether an entry must have it, and the
 * longest value the store's column takes. The codec, the store's writer, reader and limits, and the API's entry view
 * all go through this list, so a field is added (with a new canonical version) in one place.
 */
public enum EventField {

    EVENT_KEY("eventKey", "event_key", Kind.TEXT, true, Limits.IDENTIFIER, AuditEvent::eventKey),
    TIME("time", "event_time", Kind.TIME, true, 0, AuditEvent::time),
    EXCHANGE_ID("exchangeId", "exchange_id", Kind.TEXT, true, Limits.IDENTIFIER, AuditEvent::exchangeId),
    MESSAGE_ID("messageId", "message_id", Kind.TEXT, false, Limits.IDENTIFIER, AuditEvent::messageId),
    CORRELATION_ID("correlationId", "correlation_id", Kind.TEXT, false, Limits.IDENTIFIER,
            AuditEvent::correlationId),
    CASE_REFERENCES("caseReferences", null, Kind.LIST, true, Limits.IDENTIFIER, AuditEvent::caseReferences),
    STEP("step", "step", Kind.TEXT, true, 100, AuditEvent::step),
    OPERATION("operation", "operation", Kind.TEXT, true, Limits.CODE, AuditEvent::operation),
    OUTCOME("outcome", "outcome", Kind.TEXT, true, Limits.CODE, AuditEvent::outcome),
    REASON("reason", "reason", Kind.TEXT, false, 100, AuditEvent::reason),
    EXPLANATION("explanation", "explanation", Kind.TEXT, false, 0, AuditEvent::explanation),
    ACTOR("actor", "actor", Kind.TEXT, true, Limits.IDENTIFIER, AuditEvent::actor),
    SENDER("sender", "sender", Kind.TEXT, false, Limits.IDENTIFIER, AuditEvent::sender),
    RECIPIENTS("recipients", null, Kind.LIST, true, Limits.IDENTIFIER, AuditEvent::recipients),
    MARKING("marking", "marking", Kind.TEXT, false, Limits.IDENTIFIER, AuditEvent::marking),
    HANDLING("handling", "handling", Kind.TEXT, false, Limits.IDENTIFIER, AuditEvent::handling),
    LEGAL_BASIS("legalBasis", "legal_basis", Kind.TEXT, false, 0, AuditEvent::legalBasis),
    JUSTIFICATION("justification", "justification", Kind.TEXT, false, 0, AuditEvent::justification),
    PAYLOAD_DIGEST("payloadDigest", "payload_digest", Kind.TEXT, false, 128, AuditEvent::payloadDigest);

    /** What a field holds. */
    public enum Kind {
        /** A string, or null when absent. */
        TEXT,
        /** An instant at microsecond precision. */
        TIME,
        /** A list of strings, in order, empty when there are none. */
        LIST
    }

    /** Column sizes shared by several fields (see the comments in V1__audit_log.sql). */
    private static final class Limits {
        /** Identifiers that are searched: at most 2,000 bytes of UTF-8, under PostgreSQL's b-tree entry limit. */
        static final int IDENTIFIER = 500;
        static final int CODE = 40;
    }

    /** The fields that are columns of the entry row, in canonical order. */
    public static final List<EventField> COLUMNS =
            Arrays.stream(values()).filter(f -> f.kind != Kind.LIST).toList();

    private final String canonicalName;
    private final String column;
    private final Kind kind;
    private final boolean required;
    private final int maxLength;
    private final Function<AuditEvent, Object> value;

    EventField(String canonicalName, String column, Kind kind, boolean required, int maxLength,
               Function<AuditEvent, Object> value) {
        this.canonicalName = canonicalName;
        this.column = column;
        this.kind = kind;
        this.required = required;
        this.maxLength = maxLength;
        this.value = value;
    }

    /** The field's name in the canonical form and the API. */
    public String canonicalName() {
        return canonicalName;
    }

    /** The column of the entry row; null for lists, which are child rows. */
    public String column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether every entry has a value (lists: always present, possibly empty). */
    public boolean required() {
        return required;
    }

    /** The longest value (for lists: each element) the store takes, in characters; 0 when unbounded. */
    public int maxLength() {
        return maxLength;
    }

    /** The field's value in {@code event}: a String, an Instant or a List of String, by {@link #kind()}. */
    public Object of(AuditEvent event) {
        return value.apply(event);
    }
}
