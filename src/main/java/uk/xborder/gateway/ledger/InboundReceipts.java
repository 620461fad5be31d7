package uk.xborder.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The durable record of the receipts the gateway issued for envelopes it delivered, by sender and message id, kept in
 * the gateway's database so that all nodes sharing it agree. A repeated envelope is answered from here with the same
 * receipt bytes and is not delivered again.
 *
 * <p>Like {@link AcceptedMessages}, it tells a repeat (another transport message with a message id already on
 * record) from a redelivery of the very same transport message after a crash before its transaction committed, which
 * is processed again and replaces the receipt that never left.
 */
public final class InboundReceipts {

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource database;

    private InboundReceipts(DataSource database) {
        this.database = database;
    }

    /** The record on this database, its tables migrated first (several nodes may do so at once). */
    public static InboundReceipts open(DataSource database) {
        LedgerSchema.migrate(database);
        return new InboundReceipts(database);
    }

    /**
     * A receipt on record.
     *
     * @param transportMessageId the transport message the envelope arrived in the first time
     * @param exchangeId         the gateway's exchange id for that first arrival
     * @param receivedAt         when the envelope first arrived (the receipt's ReceivedAt)
     * @param outcome            the receipt's outcome
     * @param receipt            the signed receipt, as issued
     */
    public record Recorded(String transportMessageId, String exchangeId, Instant receivedAt, String outcome,
                           byte[] receipt) {
        public Recorded {
            receipt = receipt.clone();
        }

        @Override
        public byte[] receipt() {
            return receipt.clone();
        }
    }

    /** The receipt issued for this sender's message id, if one was. */
    public Optional<Recorded> find(String sender, String messageId) {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT transport_message_id, exchange_id, received_at,"
                     + " outcome, receipt FROM gateway_inbound_receipt WHERE sender = ? AND message_id = ?")) {
            select.setString(1, sender);
            select.setString(2, messageId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Recorded(row.getString(1), row.getString(2),
                        row.getTimestamp(3).toInstant(), row.getString(4), row.getBytes(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the inbound receipt record could not be read", e);
        }
    }

    /**
     * Records the receipt issued for this sender's message id, durably, before the transport message is
     * acknowledged. Inserts first and lets the primary key decide. A redelivery of the same transport message
     * replaces the receipt (the earlier one never left, its transaction having rolled back) and keeps the first
     * arrival time. Another transport message recorded meanwhile, by another node, is a conflict.
     *
     * @throws ConcurrentAcceptanceException another node recorded the id through another transport message
     */
    public void record(String sender, String messageId, String transportMessageId, String exchangeId,
                       Instant receivedAt, String outcome, byte[] receipt) {
        try (Connection c = database.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO gateway_inbound_receipt (sender, message_id,"
                     + " transport_message_id, exchange_id, received_at, outcome, receipt)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            insert.setString(1, sender);
            insert.setString(2, messageId);
            insert.setString(3, transportMessageId);
            insert.setString(4, exchangeId);
            insert.setTimestamp(5, Timestamp.from(receivedAt));
            insert.setString(6, outcome);
            insert.setBytes(7, receipt);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("the receipt for message id " + messageId + " of " + sender
                        + " could not be recorded", e);
            }
            replaceForRedelivery(sender, messageId, transportMessageId, outcome, receipt, e);
        }
    }

    private void replaceForRedelivery(String sender, String messageId, String transportMessageId, String outcome,
                                      byte[] receipt, SQLException conflict) {
        try (Connection c = database.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE gateway_inbound_receipt SET outcome = ?,"
                     + " receipt = ? WHERE sender = ? AND message_id = ? AND transport_message_id = ?")) {
            c.setAutoCommit(true);
            update.setString(1, outcome);
            update.setBytes(2, receipt);
            update.setString(3, sender);
            update.setString(4, messageId);
            update.setString(5, transportMessageId);
            if (update.executeUpdate() == 0) {
                throw new ConcurrentAcceptanceException("message id " + messageId + " of " + sender
                        + " was received by another node meanwhile", conflict);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the receipt for message id " + messageId + " of " + sender
                    + " could not be recorded", e);
        }
    }
}
