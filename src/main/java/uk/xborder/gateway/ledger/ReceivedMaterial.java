package uk.xborder.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import uk.xborder.gateway.message.GradingScheme;

/**
 * The durable record of material received from partners and the handling it arrived under, kept in the gateway's
 * database so that every node sharing it knows what any node received. The inbound pipeline records each message it
 * delivers to an agency; the outbound policy looks up what an agency's message refers to before it may go to another
 * partner.
 *
 * <p>The record keeps the original handling code, as the provider set it, not a verdict: which codes forbid onward
 * dissemination is decided when the record is read (see {@code policy.OnwardDissemination}), so a change of that rule
 * applies to everything already received.
 */
public final class ReceivedMaterial {

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Ids per lookup statement: far more than a message refers to, few enough for any database's IN list. */
    private static final int IDS_PER_QUERY = 100;

    /**
     * One piece of received material.
     *
     * @param messageId          the message id the partner gave it
     * @param originatingPartner the partner that sent it (the envelope's sender, a partner id of the directory)
     * @param handlingScheme     the scheme of the handling code it arrived under
     * @param handlingCode       the handling code as the provider set it, before any translation
     * @param receivedAt         when it was recorded
     */
    public record Received(String messageId, String originatingPartner, GradingScheme handlingScheme,
                           String handlingCode, Instant receivedAt) {
    }

    private final DataSource database;
    private final Clock clock;

    private ReceivedMaterial(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The record on this database, the ledger's tables migrated first (several nodes may do so at once). */
    public static ReceivedMaterial open(DataSource database, Clock clock) {
        LedgerSchema.migrate(database);
        return new ReceivedMaterial(database, clock);
    }

    /**
     * Records material received from a partner, durably, before it is handed to the agency. Recording the same
     * message id from the same partner again (a redelivery after a crash) keeps the first record: a repeated
     * envelope is never delivered twice, so the first record is the one the agency saw.
     *
     * @param handlingCode the original code, as received (e.g. {@code H2}), not its translation for the agency
     */
    public void record(String messageId, String originatingPartner, GradingScheme handlingScheme,
                       String handlingCode) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(originatingPartner, "originatingPartner");
        Objects.requireNonNull(handlingScheme, "handlingScheme");
        Objects.requireNonNull(handlingCode, "handlingCode");
        try (Connection c = database.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO gateway_received_material"
                     + " (message_id, originating_partner, handling_scheme, handling_code, received_at)"
                     + " VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            insert.setString(1, messageId);
            insert.setString(2, originatingPartner);
            insert.setString(3, handlingScheme.name());
            insert.setString(4, handlingCode);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("message id " + messageId + " from " + originatingPartner
                        + " could not be recorded as received material", e);
            }
        }
    }

    /**
     * Everything received under any of these message ids, from any partner; empty when none of them is received
     * material. Blank ids are ignored.
     */
    public List<Received> receivedAs(Collection<String> messageIds) {
        List<String> ids = new ArrayList<>(distinctNonBlank(messageIds));
        List<Received> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            found.addAll(select(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
        }
        return List.copyOf(found);
    }

    private List<Received> select(List<String> ids) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT message_id, originating_partner, handling_scheme,"
                     + " handling_code, received_at FROM gateway_received_material WHERE message_id IN ("
                     + placeholders + ") ORDER BY received_at, message_id, originating_partner")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            List<Received> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Received(row.getString(1), row.getString(2), scheme(row.getString(3)),
                            row.getString(4), row.getTimestamp(5).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("the received-material record could not be read", e);
        }
    }

    /** A scheme this release does not know cannot be judged: the caller must not guess, so reading fails. */
    private static GradingScheme scheme(String name) {
        try {
            return GradingScheme.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException("the received-material record names handling scheme '" + name
                    + "', which this release does not know", unknown);
        }
    }

    private static Set<String> distinctNonBlank(Collection<String> ids) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null && !id.isBlank()) {
                distinct.add(id);
            }
        }
        return distinct;
    }
}
