package uk.xborder.gateway.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.HeldRows;

/**
 * The exchange store: every exchange, where it stands, every attempt to deliver it, and, sealed
 * ({@link ContentSealing}), what is needed to replay it; in the gateway's database, shared by every node.
 *
 * <p>For the pipelines, {@link #record} writes an exchange, its content and its attempt in one transaction, keyed
 * by the exchange's reference and the attempt's key: recording the same thing again (a JMS redelivery after a
 * rollback) changes the row, never adds one. A pipeline records before it sends to a holding queue, inside the
 * consumer's transaction: if the write fails, the exchange fails and is redelivered, so nothing is held without its
 * record. Inside a message's {@link AuditBatch} the recordings are held back ({@link HeldRows}) and written in one
 * transaction (the audit log's, when the store is on its database) before that consumer's transaction commits, before
 * anything of the message leaves, and before the store reads for it; a failure then rolls the message back.
 *
 * <p>For operators, exchanges are found ({@link #find(ExchangeQuery)}, {@link #count}), read with their attempts
 * ({@link #get}), and moved on by compare-and-set ({@link #compareAndSet(String, ExchangeState, ExchangeState,
 * String)}): of two operators replaying the same failed exchange at once, exactly one wins. Content is opened by a
 * method of its own ({@link #openContent}), so that the caller records who reads it and why first.
 */
public final class ExchangeStore {

    private static final String COLUMNS = "e.reference, e.direction, e.exchange_id, e.agency, e.partner, e.recipient,"
            + " e.message_id, e.transport_message_id, e.state, e.reason_code, e.explanation, e.created_at,"
            + " e.updated_at, e.failed_since, e.attempts, e.version, e.node";
    private static final int EXPLANATION_LIMIT = 2000;
    // Column widths: a party or id an envelope merely claims (before it is proven) may be longer, and must not
    // make the exchange unrecordable.
    private static final int PARTY = 100;
    private static final int IDENTIFIER = 500;

    private final DataSource database;
    private final ContentSealing sealing;
    private final String node;
    private final Clock clock;

    private ExchangeStore(DataSource database, ContentSealing sealing, String node, Clock clock) {
        this.database = database;
        this.sealing = sealing;
        this.node = node;
        this.clock = clock;
    }

    /** The store on this database, its tables migrated first (several nodes may do so at once). */
    public static ExchangeStore open(DataSource database, ContentSealing sealing, String node, Clock clock) {
        ExchangeSchema.migrate(database);
        return new ExchangeStore(database, Objects.requireNonNull(sealing, "sealing"),
                Objects.requireNonNull(node, "node"), clock);
    }

    /** The name this node records on what it writes. */
    public String node() {
        return node;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Recording, by the pipelines

    /**
     * Records an exchange as it now stands, with its content (sealed here) and attempt when given, in one
     * transaction. Idempotent by reference and attempt key.
     *
     * @throws IllegalStateException when it could not be written; the caller's exchange must fail with it
     */
    public void record(Recording recording) {
        SealedContent sealed = recording.contentKind()
                .map(kind -> sealing.seal(recording.reference(), kind, recording.content())).orElse(null);
        // In a message's AuditBatch, its recordings are written together, in one transaction, before it commits.
        Optional<HeldRows<Held>> held = AuditBatch.writesOf(this, () -> new HeldRows<>(database, heldWriter));
        if (held.isPresent()) {
            held.get().add(new Held(recording, sealed));
            return;
        }
        writeNow(recording, sealed);
    }

    /** A recording held back in a batch, its content sealed already (a sealing failure is the recorder's, at once). */
    record Held(Recording recording, SealedContent sealed) {
    }

    /** Writes a message's held recordings in the audit log's transaction, or alone. */
    private final HeldRows.Writer<Held> heldWriter = new HeldRows.Writer<>() {
        @Override
        public void writeIn(Connection transaction, List<Held> rows) throws SQLException {
            ExchangeStore.this.writeIn(transaction, rows);
        }

        @Override
        public void writeAlone(List<Held> rows) {
            writeHeld(rows);
        }
    };

    /** What this thread's message holds back is written before the store reads or changes a row on its behalf. */
    private void readsOwnWrites() {
        AuditBatch.flush(this);
    }

    private void writeNow(Recording recording, SealedContent sealed) {
        try {
            try {
                write(recording, sealed);
            } catch (SQLException first) {
                if (!Jdbc.UNIQUE_VIOLATION.equals(first.getSQLState())) {
                    throw first;
                }
                // Another node inserted the same exchange or attempt meanwhile: the row is there now, update it.
                write(recording, sealed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("exchange " + recording.reference() + " (" + recording.direction() + " "
                    + recording.state() + ") could not be recorded in the exchange store", e);
        }
    }

    /**
     * Records an attempt of an exchange already recorded, leaving its state as it is. Idempotent by attempt key.
     *
     * @throws IllegalStateException when it could not be written, or the exchange is not recorded
     */
    public void recordAttempt(String reference, DeliveryAttempt attempt) {
        readsOwnWrites();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!exists(c, reference)) {
                    throw new IllegalStateException("exchange " + reference + " is not in the exchange store");
                }
                writeAttempt(c, reference, attempt, clock.instant());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("an attempt of exchange " + reference + " could not be recorded", e);
        }
    }

    private static boolean exists(Connection c, String reference) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM gateway_exchange WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void write(Recording r, SealedContent sealed) throws SQLException {
        writeTogether(List.of(new Held(r, sealed)));
    }

    /** Writes the recordings in this order in one transaction. */
    private void writeTogether(List<Held> recordings) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                writeIn(c, recordings);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Writes the recordings in this order in {@code transaction}, which the caller commits. */
    private void writeIn(Connection transaction, List<Held> recordings) throws SQLException {
        Instant now = clock.instant();
        for (Held held : recordings) {
            Recording r = held.recording();
            if (!updateExchange(transaction, r, now)) {
                insertExchange(transaction, r, now);
            }
            if (held.sealed() != null) {
                writeContent(transaction, r.reference(), r.contentKind().orElseThrow(), held.sealed(), now);
            }
            if (r.attempt().isPresent()) {
                writeAttempt(transaction, r.reference(), r.attempt().get(), now);
            }
        }
    }



    /**
     * Writes held-back recordings together; if another node wrote one of the same rows meanwhile, each is written
     * on its own, as {@link #record} would have.
     */
    private void writeHeld(List<Held> recordings) {
        try {
            writeTogether(recordings);
        } catch (SQLException e) {
            if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException(recordings.size() + " recordings of exchange "
                        + recordings.get(0).recording().exchangeId() + " could not be written to the exchange store",
                        e);
            }
            recordings.forEach(held -> writeNow(held.recording(), held.sealed()));
        }
    }

    private boolean updateExchange(Connection c, Recording r, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE gateway_exchange SET"
                + " agency = COALESCE(?, agency), partner = COALESCE(?, partner), recipient = COALESCE(?, recipient),"
                + " message_id = COALESCE(?, message_id), transport_message_id = COALESCE(?, transport_message_id),"
                + " state = ?, reason_code = ?, explanation = ?, updated_at = ?,"
                + " failed_since = CASE WHEN ? THEN COALESCE(failed_since, ?) ELSE NULL END,"
                + " version = version + 1, node = ? WHERE reference = ?")) {
            bindDescription(update, 1, r);
            Jdbc.bind(update, 9, now);
            update.setBoolean(10, r.state() == ExchangeState.FAILED);
            Jdbc.bind(update, 11, now);
            update.setString(12, node);
            update.setString(13, r.reference());
            return update.executeUpdate() == 1;
        }
    }

    private void insertExchange(Connection c, Recording r, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gateway_exchange (reference, direction,"
                + " exchange_id, agency, partner, recipient, message_id, transport_message_id, state, reason_code,"
                + " explanation, created_at, updated_at, failed_since, attempts, version, node)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)")) {
            insert.setString(1, r.reference());
            insert.setString(2, r.direction().name());
            insert.setString(3, fit(r.exchangeId(), 128));
            bindDescription(insert, 4, r);
            Jdbc.bind(insert, 12, now);
            Jdbc.bind(insert, 13, now);
            Jdbc.bind(insert, 14, r.state() == ExchangeState.FAILED ? now : null);
            insert.setString(15, node);
            insert.executeUpdate();
        }
    }

    /**
     * Agency, partner, recipient, message id, transport message id, state, reason code and explanation, in this
     * order from {@code first}: what an update and an insert both write.
     */
    private static void bindDescription(PreparedStatement statement, int first, Recording r) throws SQLException {
        statement.setString(first, fit(r.agency(), PARTY));
        statement.setString(first + 1, fit(r.partner(), PARTY));
        statement.setString(first + 2, fit(r.recipient(), PARTY));
        statement.setString(first + 3, fit(r.messageId(), IDENTIFIER));
        statement.setString(first + 4, fit(r.transportMessageId(), IDENTIFIER));
        statement.setString(first + 5, r.state().name());
        statement.setString(first + 6, r.reasonCode());
        statement.setString(first + 7, limit(r.explanation()));
    }

    private static void writeContent(Connection c, String reference, ContentKind kind, SealedContent sealed,
                                     Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE gateway_exchange_content SET kind = ?,"
                + " key_id = ?, nonce = ?, ciphertext = ?, stored_at = ?, erased_at = NULL WHERE reference = ?")) {
            update.setString(1, kind.name());
            update.setString(2, sealed.keyId());
            update.setBytes(3, sealed.nonce());
            update.setBytes(4, sealed.ciphertext());
            Jdbc.bind(update, 5, now);
            update.setString(6, reference);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gateway_exchange_content (reference, kind,"
                + " key_id, nonce, ciphertext, stored_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, reference);
            insert.setString(2, kind.name());
            insert.setString(3, sealed.keyId());
            insert.setBytes(4, sealed.nonce());
            insert.setBytes(5, sealed.ciphertext());
            Jdbc.bind(insert, 6, now);
            insert.executeUpdate();
        }
    }

    private void writeAttempt(Connection c, String reference, DeliveryAttempt attempt, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gateway_exchange_attempt (reference,"
                + " attempt_key, attempted_at, endpoint, node, outcome, error)"
                + " SELECT ?, ?, ?, ?, ?, ?, ? FROM gateway_exchange WHERE reference = ? AND NOT EXISTS"
                + " (SELECT 1 FROM gateway_exchange_attempt a WHERE a.reference = ? AND a.attempt_key = ?)")) {
            insert.setString(1, reference);
            insert.setString(2, fit(attempt.key(), 200));
            Jdbc.bind(insert, 3, now);
            insert.setString(4, fit(attempt.endpoint(), 1000));
            insert.setString(5, node);
            insert.setString(6, attempt.outcome().name());
            insert.setString(7, fit(attempt.error(), AttemptErrors.MAX_LENGTH));
            insert.setString(8, reference);
            insert.setString(9, reference);
            insert.setString(10, fit(attempt.key(), 200));
            if (insert.executeUpdate() == 0) {
                return;
            }
        }
        try (PreparedStatement count = c.prepareStatement("UPDATE gateway_exchange SET attempts ="
                + " (SELECT COUNT(*) FROM gateway_exchange_attempt a WHERE a.reference = ?),"
                + " version = version + 1 WHERE reference = ?")) {
            count.setString(1, reference);
            count.setString(2, reference);
            count.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading, by operators

    /** One exchange as it stands, without attempts or content. */
    public Optional<StoredExchange> exchange(String reference) {
        readsOwnWrites();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement("SELECT "
                + COLUMNS + " FROM gateway_exchange e WHERE e.reference = ?")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("exchange " + reference + " could not be read from the exchange store", e);
        }
    }

    /** The exchanges of one gateway exchange id (an agency message: one per recipient, or one for the whole). */
    public List<StoredExchange> forExchangeId(String exchangeId) {
        readsOwnWrites();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement("SELECT "
                + COLUMNS + " FROM gateway_exchange e WHERE e.exchange_id = ? ORDER BY e.created_at, e.reference")) {
            select.setString(1, exchangeId);
            List<StoredExchange> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("the exchanges of " + exchangeId + " could not be read", e);
        }
    }

    /** A page of the exchanges matching the query, newest change first, with the number matching in all. */
    public ExchangePage find(ExchangeQuery query) {
        readsOwnWrites();
        ExchangeFilter filter = ExchangeFilter.of(query);
        String sql = "SELECT " + COLUMNS + " FROM gateway_exchange e" + filter.where()
                + " ORDER BY e.updated_at DESC, e.reference DESC OFFSET " + query.offset() + " ROWS FETCH NEXT "
                + query.limit() + " ROWS ONLY";
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            filter.bind(select);
            List<StoredExchange> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows));
                }
            }
            long total = found.size() < query.limit() && (query.offset() == 0 || !found.isEmpty())
                    ? query.offset() + found.size() : count(c, filter);
            return new ExchangePage(found, total, query.offset(), query.limit());
        } catch (SQLException e) {
            throw new IllegalStateException("exchanges could not be searched", e);
        }
    }

    /** How many exchanges match the query (its paging aside). */
    public long count(ExchangeQuery query) {
        readsOwnWrites();
        try (Connection c = database.getConnection()) {
            return count(c, ExchangeFilter.of(query));
        } catch (SQLException e) {
            throw new IllegalStateException("exchanges could not be counted", e);
        }
    }

    private static long count(Connection c, ExchangeFilter filter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM gateway_exchange e"
                + filter.where())) {
            filter.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** One exchange with its attempts, oldest first, and what content is kept for it (not the content). */
    public Optional<ExchangeDetail> get(String reference) {
        readsOwnWrites();
        Optional<StoredExchange> exchange = exchange(reference);
        if (exchange.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = database.getConnection()) {
            List<Attempt> attempts = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT attempt_key, attempted_at, endpoint, node,"
                    + " outcome, error FROM gateway_exchange_attempt WHERE reference = ?"
                    + " ORDER BY attempted_at, attempt_key")) {
                select.setString(1, reference);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        attempts.add(new Attempt(rows.getString("attempt_key"), Jdbc.read(rows, "attempted_at"),
                                rows.getString("endpoint"), rows.getString("node"),
                                AttemptOutcome.valueOf(rows.getString("outcome")), rows.getString("error")));
                    }
                }
            }
            Optional<ContentInfo> content = Optional.empty();
            try (PreparedStatement select = c.prepareStatement("SELECT kind, key_id, stored_at, erased_at"
                    + " FROM gateway_exchange_content WHERE reference = ?")) {
                select.setString(1, reference);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        content = Optional.of(new ContentInfo(ContentKind.valueOf(rows.getString("kind")),
                                rows.getString("key_id"), Jdbc.read(rows, "stored_at"),
                                Optional.ofNullable(Jdbc.read(rows, "erased_at"))));
                    }
                }
            }
            return Optional.of(new ExchangeDetail(exchange.get(), attempts, content));
        } catch (SQLException e) {
            throw new IllegalStateException("exchange " + reference + " could not be read from the exchange store", e);
        }
    }

    /**
     * The content kept to replay an exchange, opened. Record who reads it and why before calling this.
     *
     * @return empty when none was kept or retention has erased it ({@link #get} tells which)
     * @throws ContentUnsealingException when it is sealed under a key not configured, or fails authentication
     */
    public Optional<OpenedContent> openContent(String reference) {
        readsOwnWrites();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement("SELECT kind,"
                + " key_id, nonce, ciphertext FROM gateway_exchange_content WHERE reference = ?"
                + " AND erased_at IS NULL")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                ContentKind kind = ContentKind.valueOf(rows.getString("kind"));
                SealedContent sealed = new SealedContent(rows.getString("key_id"), rows.getBytes("nonce"),
                        rows.getBytes("ciphertext"));
                return Optional.of(new OpenedContent(reference, kind, sealed.keyId(),
                        sealing.open(reference, kind, sealed)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the content of exchange " + reference + " could not be read", e);
        }
    }

    /**
     * The FAILED exchanges per partner and the dead letters among them, in two aggregate queries (for the metrics
     * and health, read periodically, never per message).
     */
    public Failures failures() {
        readsOwnWrites();
        try (Connection c = database.getConnection()) {
            Map<String, Failures.Partner> byPartner = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT partner, COUNT(*), MIN(COALESCE(failed_since,"
                    + " updated_at)) FROM gateway_exchange WHERE state = 'FAILED' AND partner IS NOT NULL"
                    + " GROUP BY partner ORDER BY partner");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byPartner.put(rows.getString(1), new Failures.Partner(rows.getLong(2), Jdbc.read(rows, 3)));
                }
            }
            long deadLetters;
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM gateway_exchange"
                    + " WHERE state = 'FAILED' AND reason_code LIKE 'DEAD!_LETTER%' ESCAPE '!'");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                deadLetters = rows.getLong(1);
            }
            return new Failures(byPartner, deadLetters, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("the failed exchanges could not be counted", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Operators' transitions

    /**
     * Moves the exchange to {@code next} only if it is still in {@code expected}: of several callers racing, one
     * gets true.
     *
     * @param explanation the sentence recorded with the new state; null keeps the one there
     */
    public boolean compareAndSet(String reference, ExchangeState expected, ExchangeState next, String explanation) {
        return transition(reference, "state = ?", statement -> statement.setString(5, expected.name()), next,
                explanation);
    }

    /** Moves the exchange to {@code next} only if nothing changed it since the caller read {@code expectedVersion}. */
    public boolean compareAndSet(String reference, int expectedVersion, ExchangeState next, String explanation) {
        readsOwnWrites();
        return transition(reference, "version = ?", statement -> statement.setInt(5, expectedVersion), next,
                explanation);
    }

    private interface Condition {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private boolean transition(String reference, String condition, Condition value, ExchangeState next,
                               String explanation) {
        try (Connection c = database.getConnection(); PreparedStatement update = c.prepareStatement("UPDATE"
                + " gateway_exchange SET state = ?, explanation = COALESCE(?, explanation), updated_at = ?,"
                + " version = version + 1, node = ? WHERE " + condition + " AND reference = ?")) {
            c.setAutoCommit(true);
            update.setString(1, next.name());
            update.setString(2, limit(explanation));
            Jdbc.bind(update, 3, clock.instant());
            update.setString(4, node);
            value.bind(update);
            update.setString(6, reference);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("exchange " + reference + " could not be moved to " + next, e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Retention

    /** Content not yet erased whose exchange last changed before {@code cutoff}, oldest change first. */
    List<ErasableContent> erasable(Instant cutoff, int limit) {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement("SELECT"
                + " e.reference, e.exchange_id, e.state, e.message_id, e.agency, e.partner, x.kind, e.updated_at"
                + " FROM gateway_exchange e JOIN gateway_exchange_content x ON x.reference = e.reference"
                + " WHERE x.erased_at IS NULL AND e.updated_at < ? ORDER BY e.updated_at, e.reference"
                + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
            Jdbc.bind(select, 1, cutoff);
            List<ErasableContent> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new ErasableContent(rows.getString("reference"), rows.getString("exchange_id"),
                            ExchangeState.valueOf(rows.getString("state")), rows.getString("message_id"),
                            rows.getString("agency"), rows.getString("partner"),
                            ContentKind.valueOf(rows.getString("kind")), Jdbc.read(rows, "updated_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("content due for erasure could not be read", e);
        }
    }

    /**
     * Erases the content of an exchange that has not changed since before {@code cutoff}, keeping the exchange and
     * its attempts; one still awaiting an operator (FAILED or REJECTED) becomes EXPIRED, as it can no longer be
     * replayed.
     *
     * @return true when this call erased it (false: already erased, or the exchange changed meanwhile)
     */
    boolean erase(String reference, Instant cutoff) {
        Instant now = clock.instant();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                int erased;
                try (PreparedStatement update = c.prepareStatement("UPDATE gateway_exchange_content SET nonce = NULL,"
                        + " ciphertext = NULL, erased_at = ? WHERE reference = ? AND erased_at IS NULL AND EXISTS"
                        + " (SELECT 1 FROM gateway_exchange e WHERE e.reference = ? AND e.updated_at < ?)")) {
                    Jdbc.bind(update, 1, now);
                    update.setString(2, reference);
                    update.setString(3, reference);
                    Jdbc.bind(update, 4, cutoff);
                    erased = update.executeUpdate();
                }
                if (erased == 1) {
                    try (PreparedStatement expire = c.prepareStatement("UPDATE gateway_exchange SET state = 'EXPIRED',"
                            + " updated_at = ?, version = version + 1, node = ?"
                            + " WHERE reference = ? AND state IN ('FAILED', 'REJECTED')")) {
                        Jdbc.bind(expire, 1, now);
                        expire.setString(2, node);
                        expire.setString(3, reference);
                        expire.executeUpdate();
                    }
                }
                c.commit();
                return erased == 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the content of exchange " + reference + " could not be erased", e);
        }
    }

    /** How many exchanges hold content (not erased) under each key id: what a key rotation must keep readable. */
    public Map<String, Long> contentByKeyId() {
        readsOwnWrites();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement("SELECT key_id,"
                + " COUNT(*) FROM gateway_exchange_content WHERE erased_at IS NULL GROUP BY key_id ORDER BY key_id")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("the exchange store's content could not be counted by key", e);
        }
    }

    private static StoredExchange row(ResultSet rows) throws SQLException {
        return new StoredExchange(rows.getString("reference"), Direction.valueOf(rows.getString("direction")),
                rows.getString("exchange_id"), rows.getString("agency"), rows.getString("partner"),
                rows.getString("recipient"), rows.getString("message_id"), rows.getString("transport_message_id"),
                ExchangeState.valueOf(rows.getString("state")), rows.getString("reason_code"),
                rows.getString("explanation"), Jdbc.read(rows, "created_at"), Jdbc.read(rows, "updated_at"),
                Jdbc.read(rows, "failed_since"), rows.getInt("attempts"), rows.getInt("version"),
                rows.getString("node"));
    }

    private static String fit(String value, int width) {
        return value == null || value.length() <= width ? value : value.substring(0, width - 1) + "\u2026";
    }

    private static String limit(String explanation) {
        if (explanation == null || explanation.length() <= EXPLANATION_LIMIT) {
            return explanation;
        }
        return explanation.substring(0, EXPLANATION_LIMIT - 1) + "\u2026";
    }

    @Override
    public String toString() {
        return "ExchangeStore[node " + node + ", " + sealing + "]";
    }
}
