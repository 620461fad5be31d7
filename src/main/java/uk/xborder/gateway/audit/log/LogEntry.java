package uk.xborder.gateway.audit.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import uk.xborder.gateway.audit.AuditEvent;

/**
 * One entry of the audit log: an audit event at its place in the log. The sequence number is the entry's leaf index
 * in the Merkle tree: gap-free from 0, assigned once, never reused.
 *
 * @param seq        leaf index, 0-based, gap-free
 * @param recordedAt when the log accepted the entry (microsecond precision, as databases keep it)
 * @param event      what happened
 */
public record LogEntry(long seq, Instant recordedAt, AuditEvent event) {

    public LogEntry {
        if (seq < 0) {
            throw new IllegalArgumentException("sequence numbers start at 0");
        }
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(event, "event");
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    }
}
