package uk.xborder.gateway.audit.store;

import java.util.List;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.log.EventField;

/**
 * Checks an event against the column sizes of the schema ({@link EventField#maxLength()}) before it is queued, so
 * that an event the database would refuse fails at once with a message that names the field, instead of failing its
 * whole batch with a database error that might quote the value. PostgreSQL also refuses the NUL character in text,
 * so it is refused here on both databases alike.
 */
final class EventLimits {

    private EventLimits() {
    }

    static void check(AuditEvent event) {
        for (EventField field : EventField.values()) {
            switch (field.kind()) {
                case TEXT -> bounded(field, (String) field.of(event));
                case LIST -> each(field, castList(field.of(event)));
                case TIME -> { }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static void each(EventField field, List<String> values) {
        for (String value : values) {
            if (value == null) {
                throw new IllegalArgumentException(
                        "audit event field '" + field.canonicalName() + "' holds a null value");
            }
            bounded(field, value);
        }
    }

    private static void bounded(EventField field, String value) {
        if (value == null) {
            return;
        }
        // String.length() counts UTF-16 units, never fewer than the characters the database counts.
        if (field.maxLength() > 0 && value.length() > field.maxLength()) {
            throw new IllegalArgumentException("audit event field '" + field.canonicalName() + "' is longer than "
                    + field.maxLength() + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "audit event field '" + field.canonicalName() + "' contains a NUL character");
        }
    }
}
