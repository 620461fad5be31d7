package uk.xborder.gateway.audit.store;

import java.util.List;

import uk.xborder.gateway.audit.AuditEvent;

/**
 * Checks an event against the column sizes of the schema before it is queued, so that an event the database would
 * refuse fails at once with a message that names the field, instead of failing its whole batch with a database
 * error that might quote the value. PostgreSQL also refuses the NUL character in text, so it is refused here on both
 * databases alike.
 */
final class EventLimits {

    /** Identifiers that are searched: see V1__audit_log.sql. */
    static final int IDENTIFIER = 500;
    static final int STEP = 100;
    static final int DIGEST = 128;

    private EventLimits() {
    }

    static void check(AuditEvent event) {
        bounded("eventKey", event.eventKey(), IDENTIFIER);
        bounded("exchangeId", event.exchangeId(), IDENTIFIER);
        bounded("messageId", event.messageId(), IDENTIFIER);
        bounded("correlationId", event.correlationId(), IDENTIFIER);
        bounded("step", event.step(), STEP);
        bounded("actor", event.actor(), IDENTIFIER);
        bounded("sender", event.sender(), IDENTIFIER);
        bounded("marking", event.marking(), IDENTIFIER);
        bounded("handling", event.handling(), IDENTIFIER);
        bounded("payloadDigest", event.payloadDigest(), DIGEST);
        text("explanation", event.explanation());
        text("legalBasis", event.legalBasis());
        text("justification", event.justification());
        each("caseReferences", event.caseReferences());
        each("recipients", event.recipients());
    }

    private static void each(String field, List<String> values) {
        for (String value : values) {
            if (value == null) {
                throw new IllegalArgumentException("audit event field '" + field + "' holds a null value");
            }
            bounded(field, value, IDENTIFIER);
        }
    }

    private static void bounded(String field, String value, int limit) {
        // String.length() counts UTF-16 units, never fewer than the characters the database counts.
        if (value != null && value.length() > limit) {
            throw new IllegalArgumentException(
                    "audit event field '" + field + "' is longer than " + limit + " characters");
        }
        text(field, value);
    }

    private static void text(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("audit event field '" + field + "' contains a NUL character");
        }
    }
}
