package uk.xborder.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.EventField;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.merkle.MerkleHash;

/**
 * Appends one batch of events inside the caller's transaction. The lock on the single {@code audit_head} row is
 * taken first: from then until commit no other writer, on this node or any other, can allocate sequence numbers or
 * insert entries, so the batch gets the next consecutive numbers and the check for event keys already in the log
 * cannot race with another insert of the same key.
 */
final class EntryAppender {

    /** An entry as it was written, with the leaf hash of its canonical bytes. */
    record Appended(LogEntry entry, byte[] leafHash) {
    }

    /** What one batch did: the entries appended, in sequence order, and how many events were already logged. */
    record Outcome(List<Appended> appended, int duplicates) {
    }

    private static final String LOCK_HEAD = "SELECT next_seq FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String UPDATE_HEAD = "UPDATE audit_head SET next_seq = ? WHERE id = 1 AND next_seq = ?";
    /** The entry row: seq, when it was recorded, the event's columns in canonical order, its leaf hash. */
    private static final String INSERT_ENTRY = "INSERT INTO audit_entry (seq, recorded_at, "
            + EventField.COLUMNS.stream().map(EventField::column).collect(Collectors.joining(", "))
            + ", leaf_hash) VALUES (" + placeholders(EventField.COLUMNS.size() + 3) + ")";
    private static final String INSERT_CASE_REFERENCE =
            "INSERT INTO audit_entry_case_reference (seq, position, case_reference) VALUES (?, ?, ?)";
    private static final String INSERT_RECIPIENT =
            "INSERT INTO audit_entry_recipient (seq, position, recipient) VALUES (?, ?, ?)";
    /** Keys are looked up this many at a time: one statement shape per chunk size, far below driver limits. */
    private static final int KEY_CHUNK = 100;

    private final Clock clock;

    EntryAppender(Clock clock) {
        this.clock = clock;
    }

    /** Appends {@code events} (in order, without keys already logged or repeated) in the open transaction. */
    Outcome append(Connection connection, List<AuditEvent> events) throws SQLException {
        long next = lockHead(connection);
        Map<String, AuditEvent> fresh = new LinkedHashMap<>();
        for (AuditEvent event : events) {
            fresh.putIfAbsent(event.eventKey(), event);
        }
        fresh.keySet().removeAll(existingKeys(connection, fresh.keySet()));
        if (fresh.isEmpty()) {
            return new Outcome(List.of(), events.size());
        }
        // One time for the batch, read under the lock, so recorded_at never goes backwards along the log on this node.
        Instant recordedAt = DbTime.micros(clock.instant());
        List<Appended> appended = new ArrayList<>(fresh.size());
        long seq = next;
        for (AuditEvent event : fresh.values()) {
            LogEntry entry = new LogEntry(seq++, recordedAt, atMicros(event));
            appended.add(new Appended(entry, MerkleHash.leaf(EntryCodec.canonical(entry))));
        }
        insertEntries(connection, appended);
        insertLists(connection, appended);
        updateHead(connection, next, seq);
        return new Outcome(appended, events.size() - appended.size());
    }

    private static long lockHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK_HEAD);
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the audit_head row is missing: the schema was not migrated", "55000");
            }
            return row.getLong(1);
        }
    }

    private static Set<String> existingKeys(Connection connection, Collection<String> keys) throws SQLException {
        Set<String> existing = new HashSet<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEY_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + KEY_CHUNK));
            String sql = "SELECT event_key FROM audit_entry WHERE event_key IN (" + placeholders(chunk.size()) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        existing.add(rows.getString(1));
                    }
                }
            }
        }
        return existing;
    }

    private static void insertEntries(Connection connection, List<Appended> appended) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
            for (Appended a : appended) {
                LogEntry entry = a.entry();
                AuditEvent e = entry.event();
                int i = 1;
                insert.setLong(i++, entry.seq());
                DbTime.bind(insert, i++, entry.recordedAt());
                for (EventField field : EventField.COLUMNS) {
                    if (field.kind() == EventField.Kind.TIME) {
                        DbTime.bind(insert, i++, (Instant) field.of(e));
                    } else {
                        insert.setString(i++, (String) field.of(e));
                    }
                }
                insert.setBytes(i, a.leafHash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertLists(Connection connection, List<Appended> appended) throws SQLException {
        try (PreparedStatement caseReferences = connection.prepareStatement(INSERT_CASE_REFERENCE);
             PreparedStatement recipients = connection.prepareStatement(INSERT_RECIPIENT)) {
            boolean anyCase = false;
            boolean anyRecipient = false;
            for (Appended a : appended) {
                anyCase |= addRows(caseReferences, a.entry().seq(), a.entry().event().caseReferences());
                anyRecipient |= addRows(recipients, a.entry().seq(), a.entry().event().recipients());
            }
            if (anyCase) {
                caseReferences.executeBatch();
            }
            if (anyRecipient) {
                recipients.executeBatch();
            }
        }
    }

    private static boolean addRows(PreparedStatement insert, long seq, List<String> values) throws SQLException {
        for (int position = 0; position < values.size(); position++) {
            insert.setLong(1, seq);
            insert.setInt(2, position);
            insert.setString(3, values.get(position));
            insert.addBatch();
        }
        return !values.isEmpty();
    }

    private static void updateHead(Connection connection, long expected, long next) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_HEAD)) {
            update.setLong(1, next);
            update.setLong(2, expected);
            // We hold the row lock, so this cannot miss; if it ever does, the batch must not commit.
            if (update.executeUpdate() != 1) {
                throw new SQLException("audit_head moved while locked", "40001");
            }
        }
    }

    /** The event as the log keeps it: its time at the microsecond precision of the canonical form and the column. */
    static AuditEvent atMicros(AuditEvent e) {
        Instant time = DbTime.micros(e.time());
        if (time.equals(e.time())) {
            return e;
        }
        return e.at(time);
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
