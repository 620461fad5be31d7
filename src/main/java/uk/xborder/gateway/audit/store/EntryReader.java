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
import uk.xborder.gateway.audit.log.StoredEntry;
import uk.xborder.gateway.audit.log.UnreadableEntryException;

/**
 * Reads entries back exactly as they were hashed: every column of the entry, its case references and recipients in
 * their original order (an entry without any has none, so lists come back empty, never null), times at microsecond
 * precision. Recomputing the canonical form of an entry read here gives the bytes whose leaf hash is stored with it.
 */
final class EntryReader {

    /** The entry's columns; {@link Row#read} takes them by position, in this order (by name costs a lookup each). */
    private static final String COLUMNS = "e.seq, e.recorded_at, e.event_key, e.event_time, e.exchange_id, "
            + "e.message_id, e.correlation_id, e.step, e.operation, e.outcome, e.reason, e.explanation, e.actor, "
            + "e.sender, e.marking, e.handling, e.legal_basis, e.justification, e.payload_digest";
    /** The position of the leaf hash when a select adds it after {@link #COLUMNS}. */
    private static final int LEAF_HASH = 20;
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

    /**
     * As {@link #range}, each entry with the leaf hash of its row: one scan of the entry table instead of two, which
     * is what makes live verification cost about what reading the log costs.
     */
    List<StoredEntry> storedRange(long fromSeq, long toSeq) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", e.leaf_hash"
                     + " FROM audit_entry e WHERE e.seq >= ? AND e.seq < ? ORDER BY e.seq")) {
            select.setLong(1, fromSeq);
            select.setLong(2, toSeq);
            List<Row> rows = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(Row.read(result));
                    hashes.add(result.getBytes(LEAF_HASH));
                }
            }
            List<LogEntry> entries = withLists(connection, rows);
            List<StoredEntry> stored = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                stored.add(new StoredEntry(entries.get(i), hashes.get(i)));
            }
            return stored;
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
        return withLists(connection, rows);
    }

    /** The entries of {@code rows}, in their order, with their case references and recipients attached. */
    private static List<LogEntry> withLists(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> seqs = rows.stream().map(Row::seq).toList();
        ListsBySeq caseReferences = lists(connection, "audit_entry_case_reference", "case_reference", seqs);
        ListsBySeq recipients = lists(connection, "audit_entry_recipient", "recipient", seqs);
        List<LogEntry> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            entries.add(row.toEntry(caseReferences.of(row.seq()), recipients.of(row.seq())));
        }
        return entries;
    }

    /** The values of one list (table and column are constants of this class), by entry, in position order. */
    private static ListsBySeq lists(Connection connection, String table, String column, List<Long> seqs)
            throws SQLException {
        long first = seqs.get(0);
        long last = seqs.get(seqs.size() - 1);
        if (last - first + 1 == seqs.size()) {
            // A contiguous run of the log (range, or a search that matched a stretch): one range scan, and the
            // lists kept by offset from the first seq rather than in a map of boxed seqs.
            ListsBySeq.Run lists = new ListsBySeq.Run(first, seqs.size());
            String sql = "SELECT seq, " + column + " FROM " + table + " WHERE seq >= ? AND seq <= ?"
                    + " ORDER BY seq, position";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, first);
                select.setLong(2, last);
                collect(select, lists);
            }
            return lists;
        }
        ListsBySeq.Scattered lists = new ListsBySeq.Scattered();
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

    private static void collect(PreparedStatement select, ListsBySeq lists) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                lists.add(rows.getLong(1), rows.getString(2));
            }
        }
    }

    /** The values of one list table for a set of entries, by seq; an entry without any has an empty list. */
    private interface ListsBySeq {

        void add(long seq, String value);

        List<String> of(long seq);

        /** For a contiguous run of seqs: one slot per entry. */
        final class Run implements ListsBySeq {
            private final long first;
            private final List<?>[] lists;

            Run(long first, int count) {
                this.first = first;
                this.lists = new List<?>[count];
            }

            @Override
            @SuppressWarnings("unchecked")
            public void add(long seq, String value) {
                int slot = (int) (seq - first);
                if (lists[slot] == null) {
                    lists[slot] = new ArrayList<String>(2);
                }
                ((List<String>) lists[slot]).add(value);
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<String> of(long seq) {
                List<String> values = (List<String>) lists[(int) (seq - first)];
                return values == null ? List.of() : values;
            }
        }

        /** For seqs with gaps between them (a search's matches). */
        final class Scattered implements ListsBySeq {
            private final Map<Long, List<String>> lists = new HashMap<>();

            @Override
            public void add(long seq, String value) {
                lists.computeIfAbsent(seq, s -> new ArrayList<>()).add(value);
            }

            @Override
            public List<String> of(long seq) {
                return lists.getOrDefault(seq, List.of());
            }
        }
    }

    /** The columns of one entry row, before its lists are attached. */
    private record Row(long seq, Instant recordedAt, String eventKey, Instant time, String exchangeId,
                       String messageId, String correlationId, String step, String operation, String outcome,
                       String reason, String explanation, String actor, String sender, String marking,
                       String handling, String legalBasis, String justification, String payloadDigest) {

        static Row read(ResultSet r) throws SQLException {
            // Positions of COLUMNS.
            return new Row(r.getLong(1), DbTime.read(r, 2), r.getString(3), DbTime.read(r, 4), r.getString(5),
                    r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                    r.getString(11), r.getString(12), r.getString(13), r.getString(14), r.getString(15),
                    r.getString(16), r.getString(17), r.getString(18), r.getString(19));
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
