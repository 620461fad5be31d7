package uk.xborder.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.log.UnreadableEntryException;

/**
 * Reads entries back exactly as they were hashed: every column of the entry, its case references and recipients in
 * their original order (an entry without any has none, so lists come back empty, never null), times at microsecond
 * precision. Recomputing the canonical form of an entry read here gives the bytes whose leaf hash is stored with it.
 */
final class EntryReader {

    private static final String COLUMNS = "e.seq, e.recorded_at, e.event_key, e.event_time, e.exchange_id, "
            + "e.message_id, e.correlation_id, e.step, e.operation, e.outcome, e.reason, e.explanation, e.actor, "
            + "e.sender, e.marking, e.handling, e.legal_basis, e.justification, e.payload_digest";
    /** Children of many entries are fetched this many entries at a time. */
    private static final int SEQ_CHUNK = 500;

    private final DataSource db;

    EntryReader(DataSource db) {
        this.db = db;
    }

    /** The number of committed entries: the next sequence number. */
    long size() throws SQLException {
        try (Connection connection = db.getConnection()) {
            return size(connection);
        }
    }

    Optional<LogEntry> entry(long seq) throws SQLException {
        List<LogEntry> entries = range(seq, seq + 1);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    List<LogEntry> range(long fromSeq, long toSeq) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM audit_entry e WHERE e.seq >= ? AND e.seq < ? ORDER BY e.seq")) {
            select.setLong(1, fromSeq);
            select.setLong(2, toSeq);
            return entries(connection, select);
        }
    }

    List<LogEntry> trail(String exchangeId) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM audit_entry e WHERE e.exchange_id = ? ORDER BY e.seq")) {
            select.setString(1, exchangeId);
            return entries(connection, select);
        }
    }

    Page<LogEntry> search(AuditQuery query) throws SQLException {
        try (Connection connection = db.getConnection()) {
            SearchFilter filter = SearchFilter.of(query, size(connection));
            long total;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM audit_entry e WHERE " + filter.where())) {
                filter.bind(count, 1);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<LogEntry> items = List.of();
            if (total > query.offset()) {
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM audit_entry e WHERE " + filter.where()
                        + " ORDER BY e.seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                    int next = filter.bind(select, 1);
                    select.setLong(next++, query.offset());
                    select.setInt(next, query.limit());
                    items = entries(connection, select);
                }
            }
            return new Page<>(items, total, query.offset(), query.limit());
        }
    }

    /**
     * The leaf hashes stored with entries {@code fromSeq} (inclusive) to {@code toSeq} (exclusive), in seq order, as
     * they are: one per stored entry, so a missing row makes the list shorter (a verifier's business to notice).
     */
    List<byte[]> leafHashes(long fromSeq, long toSeq) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        leafHashes(fromSeq, toSeq, (seq, hash) -> hashes.add(hash));
        return hashes;
    }

    /**
     * As {@link #leafHashes(long, long)}, for building the tree: a hole in the sequence is an error, because the
     * tree cannot be built past it. (Committed entries are always a prefix of the log, so a hole means damage.)
     */
    List<byte[]> contiguousLeafHashes(long fromSeq, long toSeq) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        leafHashes(fromSeq, toSeq, (seq, hash) -> {
            if (seq != fromSeq + hashes.size()) {
                throw new AuditStoreException("audit entry " + (fromSeq + hashes.size()) + " is missing from the store");
            }
            hashes.add(hash);
        });
        return hashes;
    }

    private interface LeafConsumer {
        void accept(long seq, byte[] hash);
    }

    private void leafHashes(long fromSeq, long toSeq, LeafConsumer consumer) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT seq, leaf_hash FROM audit_entry WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            select.setLong(1, fromSeq);
            select.setLong(2, toSeq);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows.getLong(1), rows.getBytes(2));
                }
            }
        }
    }

    private static long size(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT next_seq FROM audit_head WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the audit_head row is missing: the schema was not migrated", "55000");
            }
            return row.getLong(1);
        }
    }

    private static List<LogEntry> entries(Connection connection, PreparedStatement select) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(Row.read(result));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> seqs = rows.stream().map(Row::seq).toList();
        Map<Long, List<String>> caseReferences =
                lists(connection, "audit_entry_case_reference", "case_reference", seqs);
        Map<Long, List<String>> recipients = lists(connection, "audit_entry_recipient", "recipient", seqs);
        List<LogEntry> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            entries.add(row.toEntry(caseReferences.getOrDefault(row.seq(), List.of()),
                    recipients.getOrDefault(row.seq(), List.of())));
        }
        return entries;
    }

    /** The values of one list (table and column are constants of this class), by entry, in position order. */
    private static Map<Long, List<String>> lists(Connection connection, String table, String column, List<Long> seqs)
            throws SQLException {
        Map<Long, List<String>> lists = new HashMap<>();
        long first = seqs.get(0);
        long last = seqs.get(seqs.size() - 1);
        if (last - first + 1 == seqs.size()) {
            // A contiguous run of the log (range, or a search that matched a stretch): one range scan.
            String sql = "SELECT seq, " + column + " FROM " + table + " WHERE seq >= ? AND seq <= ?"
                    + " ORDER BY seq, position";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, first);
                select.setLong(2, last);
                collect(select, lists);
            }
            return lists;
        }
        for (int from = 0; from < seqs.size(); from += SEQ_CHUNK) {
            List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + SEQ_CHUNK));
            String sql = "SELECT seq, " + column + " FROM " + table + " WHERE seq IN ("
                    + EntryAppender.placeholders(chunk.size()) + ") ORDER BY seq, position";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 1, chunk.get(i));
                }
                collect(select, lists);
            }
        }
        return lists;
    }

    private static void collect(PreparedStatement select, Map<Long, List<String>> lists) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                lists.computeIfAbsent(rows.getLong(1), seq -> new ArrayList<>()).add(rows.getString(2));
            }
        }
    }

    /** The columns of one entry row, before its lists are attached. */
    private record Row(long seq, Instant recordedAt, String eventKey, Instant time, String exchangeId,
                       String messageId, String correlationId, String step, String operation, String outcome,
                       String reason, String explanation, String actor, String sender, String marking,
                       String handling, String legalBasis, String justification, String payloadDigest) {

        static Row read(ResultSet r) throws SQLException {
            return new Row(r.getLong("seq"), DbTime.read(r, "recorded_at"), r.getString("event_key"),
                    DbTime.read(r, "event_time"), r.getString("exchange_id"), r.getString("message_id"),
                    r.getString("correlation_id"), r.getString("step"), r.getString("operation"),
                    r.getString("outcome"), r.getString("reason"), r.getString("explanation"), r.getString("actor"),
                    r.getString("sender"), r.getString("marking"), r.getString("handling"),
                    r.getString("legal_basis"), r.getString("justification"), r.getString("payload_digest"));
        }

        /**
         * The entry as stored. Codes are taken as the strings they are, so an altered code reads back and is found
         * by its hash; a row that cannot make an entry at all (a required field emptied) is reported by its seq.
         */
        LogEntry toEntry(List<String> caseReferences, List<String> recipients) {
            try {
                AuditEvent event = new AuditEvent(eventKey, time, exchangeId, messageId, correlationId,
                        caseReferences, step, operation, outcome, reason, explanation, actor, sender, recipients,
                        marking, handling, legalBasis, justification, payloadDigest);
                return new LogEntry(seq, recordedAt, event);
            } catch (RuntimeException unreadable) {
                throw new UnreadableEntryException(seq);
            }
        }
    }
}
