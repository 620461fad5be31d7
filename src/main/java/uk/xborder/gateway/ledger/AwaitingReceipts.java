package uk.xborder.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * The durable record of deliveries to partners that wait for the partner's signed receipt (table
 * {@code gateway_awaiting_receipt}), shared by every gateway node through the gateway's database.
 *
 * <p>Every change that decides something is a conditional UPDATE: a receipt closes a row only while it is AWAITING,
 * and a resend or a failure is claimed only at the revision the claimant read. So two nodes that see the same
 * overdue row never both send it again, and a receipt and a give-up racing each other cannot both win.
 *
 * <p>Only deliveries whose exchange was accepted ({@code gateway_accepted_message}, through the same transport
 * message) are ever sent again: a row left by an exchange that rolled back (its agency message redelivered, or
 * parked on the dead-letter queue) names an envelope that never left, and must not leave from here either.
 */
public final class AwaitingReceipts {

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = "r.exchange_id, r.partner, r.agency, r.message_id, r.transport_message_id,"
            + " r.payload_digest, r.endpoint, r.first_sent_at, r.attempts, r.next_due_at, r.state, r.closing_reason,"
            + " r.closing_explanation, r.notified, r.revision";

    private static final String ACCEPTED = "EXISTS (SELECT 1 FROM gateway_accepted_message a WHERE a.agency = r.agency"
            + " AND a.message_id = r.message_id AND a.transport_message_id = r.transport_message_id)";

    private final DataSource database;
    private final Clock clock;

    private AwaitingReceipts(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The record on this database, its tables migrated first (several nodes may do so at once). */
    public static AwaitingReceipts open(DataSource database, Clock clock) {
        LedgerSchema.migrate(database);
        return new AwaitingReceipts(database, clock);
    }

    /**
     * An envelope about to be handed to the partner's endpoint.
     *
     * @param nextDueAt when it is overdue if no receipt has come
     */
    public record Sent(String exchangeId, String partner, String agency, String messageId, String transportMessageId,
                       String payloadDigest, byte[] envelope, String endpoint, Instant nextDueAt) {
        public Sent {
            Objects.requireNonNull(exchangeId, "exchangeId");
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(transportMessageId, "transportMessageId");
            Objects.requireNonNull(payloadDigest, "payloadDigest");
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(nextDueAt, "nextDueAt");
        }
    }

    /**
     * Records that the envelope is being sent and a receipt is awaited. The same exchange sent again (its agency
     * message redelivered after a rollback) replaces what was recorded, because the envelope made this time is the
     * one the partner gets; a delivery a receipt has already closed is left as it is.
     */
    public void expect(Sent sent) {
        // In a message's AuditBatch, its expectations are written together before it commits or anything leaves.
        Optional<HeldRows<Sent>> held = AuditBatch.writesOf(this, () -> new HeldRows<>(database, heldWriter));
        if (held.isPresent()) {
            held.get().add(sent);
            return;
        }
        expectAll(List.of(sent));
    }

    /** Records a message's held expectations in the audit log's transaction, or alone. */
    private final HeldRows.Writer<Sent> heldWriter = new HeldRows.Writer<>() {
        @Override
        public void writeIn(Connection transaction, List<Sent> rows) throws SQLException {
            expectIn(transaction, rows);
        }

        @Override
        public void writeAlone(List<Sent> rows) {
            expectAll(rows);
        }
    };

    /** Records each in this order, in one transaction. */
    private void expectAll(List<Sent> sent) {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                expectIn(c, sent);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            Sent first = sent.get(0);
            throw new IllegalStateException("the delivery of exchange " + first.exchangeId() + " to "
                    + first.partner() + (sent.size() > 1 ? " and " + (sent.size() - 1) + " more" : "")
                    + " could not be recorded as awaiting a receipt", e);
        }
    }

    /** Records each in this order in {@code transaction}, which the caller commits. */
    private void expectIn(Connection transaction, List<Sent> sent) throws SQLException {
        Instant now = clock.instant();
        for (Sent one : sent) {
            expect(transaction, one, now);
        }
    }

    private void expect(Connection c, Sent sent, Instant now) throws SQLException {
        // A savepoint: on PostgreSQL a failed statement would otherwise end the whole transaction.
        Savepoint beforeInsert = c.setSavepoint();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gateway_awaiting_receipt (exchange_id,"
                + " partner, agency, message_id, transport_message_id, payload_digest, envelope, endpoint,"
                + " first_sent_at, attempts, next_due_at, state, notified, revision)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'AWAITING', TRUE, 0)")) {
            insert.setString(1, sent.exchangeId());
            insert.setString(2, sent.partner());
            insert.setString(3, sent.agency());
            insert.setString(4, sent.messageId());
            insert.setString(5, sent.transportMessageId());
            insert.setString(6, sent.payloadDigest());
            insert.setBytes(7, sent.envelope());
            insert.setString(8, sent.endpoint());
            bind(insert, 9, now);
            bind(insert, 10, sent.nextDueAt());
            insert.executeUpdate();
            c.releaseSavepoint(beforeInsert);
            return;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeInsert);
        }
        try (PreparedStatement again = c.prepareStatement("UPDATE gateway_awaiting_receipt SET"
                + " transport_message_id = ?, payload_digest = ?, envelope = ?, endpoint = ?, first_sent_at = ?,"
                + " attempts = 1, next_due_at = ?, state = 'AWAITING', closing_reason = NULL,"
                + " closing_explanation = NULL, closing_delivery = NULL, closed_at = NULL, notified = TRUE,"
                + " revision = revision + 1"
                + " WHERE exchange_id = ? AND partner = ?"
                + " AND (state IN ('AWAITING', 'RETRYING')"
                + " OR (state = 'FAILED' AND closing_reason = 'DELIVERY_FAILED'))")) {
            again.setString(1, sent.transportMessageId());
            again.setString(2, sent.payloadDigest());
            again.setBytes(3, sent.envelope());
            again.setString(4, sent.endpoint());
            bind(again, 5, now);
            bind(again, 6, sent.nextDueAt());
            again.setString(7, sent.exchangeId());
            again.setString(8, sent.partner());
            again.executeUpdate();
        }
    }

    /**
     * The delivery a receipt answers: the agency's message id sent to the partner, in the named exchange when the
     * receipt names one. Should two exchanges ever hold the same message id for the same partner (two nodes took
     * the same message at once and one rolled back), the accepted one.
     */
    public Optional<AwaitingDelivery> find(String agency, String messageId, String partner, String exchangeIdOrNull) {
        readsOwnWrites();
        String sql = "SELECT " + COLUMNS + ", CASE WHEN " + ACCEPTED + " THEN 0 ELSE 1 END AS preference"
                + " FROM gateway_awaiting_receipt r WHERE r.agency = ? AND r.message_id = ? AND r.partner = ?"
                + (exchangeIdOrNull == null ? "" : " AND r.exchange_id = ?")
                + " ORDER BY preference, r.first_sent_at DESC";
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, agency);
            select.setString(2, messageId);
            select.setString(3, partner);
            if (exchangeIdOrNull != null) {
                select.setString(4, exchangeIdOrNull);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deliveries awaiting a receipt could not be read", e);
        }
    }

    /** The delivery of an exchange to a partner, as it stands. */
    public Optional<AwaitingDelivery> get(String exchangeId, String partner) {
        readsOwnWrites();
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM gateway_awaiting_receipt r WHERE r.exchange_id = ? AND r.partner = ?")) {
            select.setString(1, exchangeId);
            select.setString(2, partner);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deliveries awaiting a receipt could not be read", e);
        }
    }

    /** The envelope exactly as it was sent, to send it again or to hold it. */
    public byte[] envelope(AwaitingDelivery delivery) {
        readsOwnWrites();
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement("SELECT envelope"
                + " FROM gateway_awaiting_receipt WHERE exchange_id = ? AND partner = ?")) {
            select.setString(1, delivery.exchangeId());
            select.setString(2, delivery.partner());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("the envelope of exchange " + delivery.exchangeId() + " to "
                            + delivery.partner() + " is no longer recorded");
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the envelope awaiting a receipt could not be read", e);
        }
    }

    /**
     * What a receipt's closing came to.
     *
     * @param closesNow true when this receipt closed the delivery (or is a redelivery of the one that did, so its
     *                  notice may not have gone out); false when another receipt or the gateway had closed it before
     * @param delivery  the delivery as it now stands
     */
    public record Closing(boolean closesNow, AwaitingDelivery delivery) {
    }

    /**
     * Closes the delivery with the partner's verdict, if it is still awaiting one.
     *
     * @param deliveryId what tells this receipt's delivery apart (its JMS message id, or the digest of its bytes)
     */
    public Closing close(AwaitingDelivery delivery, ReceiptState outcome, String reason, String explanation,
                         String deliveryId) {
        readsOwnWrites();
        if (outcome != ReceiptState.ACKNOWLEDGED && outcome != ReceiptState.REFUSED_BY_PARTNER) {
            throw new IllegalArgumentException("a receipt closes a delivery as acknowledged or refused, not " + outcome);
        }
        try (Connection c = connection()) {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE gateway_awaiting_receipt SET state = ?,"
                    + " closing_reason = ?, closing_explanation = ?, closing_delivery = ?, closed_at = ?,"
                    + " revision = revision + 1"
                    + " WHERE exchange_id = ? AND partner = ? AND state IN ('AWAITING', 'RETRYING')")) {
                update.setString(1, outcome.name());
                update.setString(2, reason);
                update.setString(3, explanation);
                update.setString(4, deliveryId);
                bind(update, 5, clock.instant());
                update.setString(6, delivery.exchangeId());
                update.setString(7, delivery.partner());
                updated = update.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + ", r.closing_delivery"
                    + " FROM gateway_awaiting_receipt r WHERE r.exchange_id = ? AND r.partner = ?")) {
                select.setString(1, delivery.exchangeId());
                select.setString(2, delivery.partner());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("the delivery of exchange " + delivery.exchangeId() + " to "
                                + delivery.partner() + " disappeared while it was being closed");
                    }
                    return new Closing(updated == 1 || deliveryId.equals(rows.getString("closing_delivery")),
                            row(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the delivery of exchange " + delivery.exchangeId() + " to "
                    + delivery.partner() + " could not be closed", e);
        }
    }

    /**
     * The hand-over to the partner failed after its retries: nothing is awaited and nothing is sent again (the
     * envelope is held on the failed queue and the agency told by the outbound route).
     */
    public void withdraw(String exchangeId, String partner, String reason, String explanation) {
        readsOwnWrites();
        try (Connection c = connection(); PreparedStatement update = c.prepareStatement("UPDATE"
                + " gateway_awaiting_receipt SET state = 'FAILED', closing_reason = ?, closing_explanation = ?,"
                + " closed_at = ?, notified = TRUE, revision = revision + 1"
                + " WHERE exchange_id = ? AND partner = ? AND state IN ('AWAITING', 'RETRYING')")) {
            update.setString(1, reason);
            update.setString(2, explanation);
            bind(update, 3, clock.instant());
            update.setString(4, exchangeId);
            update.setString(5, partner);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the delivery of exchange " + exchangeId + " to " + partner
                    + " could not be withdrawn", e);
        }
    }

    /**
     * The hand-over failed for a reason that may pass and will be tried again: until an attempt gets through, the
     * delivery is not sent again for want of a receipt (a receipt may still close it).
     *
     * @return true when the delivery now waits for its next attempt; false when a receipt had closed it already
     */
    public boolean retrying(String exchangeId, String partner) {
        readsOwnWrites();
        return transition(exchangeId, partner, "UPDATE gateway_awaiting_receipt SET state = 'RETRYING',"
                + " revision = revision + 1 WHERE exchange_id = ? AND partner = ? AND state IN ('AWAITING', 'RETRYING')",
                null);
    }

    /**
     * An operator replays a delivery that failed: it waits for its next attempt again, as after a failure that may
     * pass (the replay's first attempt is on the partner's retry queue).
     *
     * @return true when the delivery now waits for an attempt; false when it had not failed (a receipt closed it, or
     *         it is not recorded)
     */
    public boolean reopenForReplay(String exchangeId, String partner) {
        readsOwnWrites();
        return transition(exchangeId, partner, "UPDATE gateway_awaiting_receipt SET state = 'RETRYING',"
                + " closing_reason = NULL, closing_explanation = NULL, closing_delivery = NULL, closed_at = NULL,"
                + " notified = TRUE, revision = revision + 1"
                + " WHERE exchange_id = ? AND partner = ? AND state = 'FAILED'", null);
    }

    /**
     * An attempt after the first got through: the receipt is awaited from now, due at {@code nextDueAt}, and sent
     * again for want of it like any delivery's.
     *
     * @return true when this changed the delivery; false when it was not waiting for an attempt (a receipt closed
     *         it meanwhile, or an earlier run of this attempt already recorded it)
     */
    public boolean delivered(String exchangeId, String partner, Instant nextDueAt) {
        readsOwnWrites();
        return transition(exchangeId, partner, "UPDATE gateway_awaiting_receipt SET state = 'AWAITING',"
                + " next_due_at = ?, revision = revision + 1 WHERE exchange_id = ? AND partner = ?"
                + " AND state = 'RETRYING'", nextDueAt);
    }

    private boolean transition(String exchangeId, String partner, String sql, Instant dueAt) {
        try (Connection c = connection(); PreparedStatement update = c.prepareStatement(sql)) {
            int index = 1;
            if (dueAt != null) {
                bind(update, index++, dueAt);
            }
            update.setString(index++, exchangeId);
            update.setString(index, partner);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("the delivery of exchange " + exchangeId + " to " + partner
                    + " could not be recorded", e);
        }
    }

    /**
     * Deliveries of accepted exchanges that are overdue now: awaiting a receipt past their due time, or failed
     * without the agency having been told, past the time another node may take that up. Earliest due first.
     */
    public List<AwaitingDelivery> due(int limit) {
        readsOwnWrites();
        String sql = "SELECT " + COLUMNS + " FROM gateway_awaiting_receipt r WHERE r.next_due_at <= ?"
                + " AND (r.state = 'AWAITING' OR (r.state = 'FAILED' AND r.notified = FALSE)) AND " + ACCEPTED
                + " ORDER BY r.next_due_at FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, 1, clock.instant());
            List<AwaitingDelivery> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(row(rows));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("overdue deliveries could not be read", e);
        }
    }

    /**
     * Claims the next resend of an overdue delivery: one more attempt, due again at {@code nextDueAt}. Only one
     * claimant of the revision it read succeeds.
     *
     * @return true when this caller must send the envelope again
     */
    public boolean claimResend(AwaitingDelivery delivery, Instant nextDueAt) {
        readsOwnWrites();
        try (Connection c = connection(); PreparedStatement update = c.prepareStatement("UPDATE"
                + " gateway_awaiting_receipt SET attempts = attempts + 1, next_due_at = ?, revision = revision + 1"
                + " WHERE exchange_id = ? AND partner = ? AND state = 'AWAITING' AND revision = ?")) {
            bind(update, 1, nextDueAt);
            update.setString(2, delivery.exchangeId());
            update.setString(3, delivery.partner());
            update.setInt(4, delivery.revision());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("a resend of exchange " + delivery.exchangeId() + " to "
                    + delivery.partner() + " could not be claimed", e);
        }
    }

    /**
     * Claims the failure of an overdue delivery whose resends have run out (or the taking up of a failure whose
     * notice did not go out): FAILED, with the agency not yet told, until {@code retryNoticeAt}. Only one claimant
     * of the revision it read succeeds; that one tells the agency and then calls {@link #notified}.
     *
     * @return true when this caller must hold the envelope and tell the agency
     */
    public boolean claimFailure(AwaitingDelivery delivery, String reason, String explanation, Instant retryNoticeAt) {
        readsOwnWrites();
        try (Connection c = connection(); PreparedStatement update = c.prepareStatement("UPDATE"
                + " gateway_awaiting_receipt SET state = 'FAILED', closing_reason = ?, closing_explanation = ?,"
                + " closed_at = COALESCE(closed_at, ?), notified = FALSE, next_due_at = ?, revision = revision + 1"
                + " WHERE exchange_id = ? AND partner = ? AND revision = ?"
                + " AND (state = 'AWAITING' OR (state = 'FAILED' AND notified = FALSE))")) {
            update.setString(1, reason);
            update.setString(2, explanation);
            bind(update, 3, clock.instant());
            bind(update, 4, retryNoticeAt);
            update.setString(5, delivery.exchangeId());
            update.setString(6, delivery.partner());
            update.setInt(7, delivery.revision());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("the failure of exchange " + delivery.exchangeId() + " to "
                    + delivery.partner() + " could not be claimed", e);
        }
    }

    /** The agency has been told the delivery failed; nothing more is to be done for it. */
    public void notified(AwaitingDelivery delivery) {
        readsOwnWrites();
        try (Connection c = connection(); PreparedStatement update = c.prepareStatement("UPDATE"
                + " gateway_awaiting_receipt SET notified = TRUE WHERE exchange_id = ? AND partner = ?"
                + " AND state = 'FAILED'")) {
            update.setString(1, delivery.exchangeId());
            update.setString(2, delivery.partner());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the failure notice of exchange " + delivery.exchangeId() + " to "
                    + delivery.partner() + " could not be recorded", e);
        }
    }

    /** What this thread's message holds back is written before a row is read or changed on its behalf. */
    private void readsOwnWrites() {
        AuditBatch.flush(this);
    }

    private Connection connection() throws SQLException {
        Connection c = database.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private static AwaitingDelivery row(ResultSet rows) throws SQLException {
        return new AwaitingDelivery(rows.getString("exchange_id"), rows.getString("partner"),
                rows.getString("agency"), rows.getString("message_id"), rows.getString("transport_message_id"),
                rows.getString("payload_digest"), rows.getString("endpoint"), read(rows, "first_sent_at"),
                rows.getInt("attempts"), read(rows, "next_due_at"), ReceiptState.valueOf(rows.getString("state")),
                rows.getString("closing_reason"), rows.getString("closing_explanation"), rows.getBoolean("notified"),
                rows.getInt("revision"));
    }

    // Microseconds, as both databases keep them; the PostgreSQL driver would round nanoseconds instead.
    private static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    private static Instant read(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * The retry backlog: per partner, the deliveries waiting on its retry queue for their next attempt (RETRYING),
     * counted in one aggregate query for every node sharing the database.
     */
    public Map<String, Long> retryingByPartner() {
        readsOwnWrites();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement("SELECT partner,"
                + " COUNT(*) FROM gateway_awaiting_receipt WHERE state = 'RETRYING' GROUP BY partner ORDER BY partner");
             ResultSet rows = select.executeQuery()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("the deliveries awaiting a retry could not be counted", e);
        }
    }
}
