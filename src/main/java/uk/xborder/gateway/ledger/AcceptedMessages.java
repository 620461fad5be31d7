package uk.xborder.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.HeldRows;

/**
 * The durable record of which message ids each agency has had accepted, and through which transport message, kept in
 * the gateway's database so that all nodes sharing it agree.
 *
 * <p>It tells a genuine resubmission (a new transport message with an id already accepted: refused as a duplicate)
 * from a redelivery of the very same transport message after a crash (processed again; the broker's duplicate
 * detection on the delivery side keeps partners from receiving it twice).
 */
public final class AcceptedMessages {

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource database;
    private final Clock clock;

    private AcceptedMessages(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The ledger on this database, its tables migrated first (several nodes may do so at once). */
    public static AcceptedMessages open(DataSource database, Clock clock) {
        LedgerSchema.migrate(database);
        return new AcceptedMessages(database, clock);
    }

    /** @return the transport message id under which this message id was accepted, if it was */
    public Optional<String> acceptedVia(String agencyId, String messageId) {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT transport_message_id FROM gateway_accepted_message"
                     + " WHERE agency = ? AND message_id = ?")) {
            select.setString(1, agencyId);
            select.setString(2, messageId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the accepted-message record could not be read", e);
        }
    }

    /**
     * Records the message as accepted, durably, before the agency's message is acknowledged. Inserts first and lets
     * the primary key decide: only when the id is already there is the existing row read, once. Remembering the
     * same transport message again (a redelivery) changes nothing. If another node accepted the same message id
     * through another transport message meanwhile, this throws, so that this node's exchange rolls back and,
     * redelivered, is refused as a duplicate.
     *
     * @throws ConcurrentAcceptanceException another node accepted the id through another transport message
     */
    public void remember(String agencyId, String messageId, String transportMessageId) {
        // In a message's AuditBatch, written with its other records before it commits (in the audit log's own
        // transaction when on its database); a conflict found then rolls the message back as it would here.
        Optional<HeldRows<Acceptance>> held = AuditBatch.writesOf(this, () -> new HeldRows<>(database, heldWriter));
        if (held.isPresent()) {
            held.get().add(new Acceptance(agencyId, messageId, transportMessageId));
            return;
        }
        rememberNow(new Acceptance(agencyId, messageId, transportMessageId));
    }

    /** A message id accepted through a transport message. */
    record Acceptance(String agencyId, String messageId, String transportMessageId) {
    }

    /**
     * Inserts a message's held acceptances in the audit log's transaction. If an id is on record already the insert
     * fails there, and each is then remembered alone, which tells a redelivery of the same transport message (nothing
     * to do) from another node's acceptance of the id (the message rolls back).
     */
    private final HeldRows.Writer<Acceptance> heldWriter = new HeldRows.Writer<>() {
        @Override
        public void writeIn(Connection transaction, List<Acceptance> rows) throws SQLException {
            for (Acceptance acceptance : rows) {
                insert(transaction, acceptance);
            }
        }

        @Override
        public void writeAlone(List<Acceptance> rows) {
            rows.forEach(AcceptedMessages.this::rememberNow);
        }
    };

    /** Records it in a transaction of its own, with the handling of a conflict {@link #remember} describes. */
    private void rememberNow(Acceptance acceptance) {
        String agencyId = acceptance.agencyId();
        String messageId = acceptance.messageId();
        String transportMessageId = acceptance.transportMessageId();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(true);
            insert(c, acceptance);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("message id " + messageId + " of " + agencyId
                        + " could not be recorded as accepted", e);
            }
            alreadyAccepted(agencyId, messageId, transportMessageId, e);
        }
    }

    /** Inserts the row in {@code c}'s transaction; a unique violation says the id is on record already. */
    private void insert(Connection c, Acceptance acceptance) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gateway_accepted_message"
                + " (agency, message_id, transport_message_id, accepted_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, acceptance.agencyId());
            insert.setString(2, acceptance.messageId());
            insert.setString(3, acceptance.transportMessageId());
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }

    /** The id is on record: fine for a redelivery of the same transport message, a conflict for any other. */
    private void alreadyAccepted(String agencyId, String messageId, String transportMessageId, SQLException conflict) {
        Optional<String> via = acceptedVia(agencyId, messageId);
        if (via.isEmpty()) {
            // The row that conflicted is gone again: nothing deletes accepted ids, so the database is not as expected.
            throw new IllegalStateException("message id " + messageId + " of " + agencyId
                    + " conflicted with a record that no longer exists", conflict);
        }
        if (!via.get().equals(transportMessageId)) {
            throw new ConcurrentAcceptanceException("message id " + messageId + " of " + agencyId
                    + " was accepted by another node meanwhile", conflict);
        }
    }
}
