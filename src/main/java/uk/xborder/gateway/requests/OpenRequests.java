package uk.xborder.gateway.requests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import uk.xborder.gateway.ledger.LedgerSchema;

/**
 * The requests for information waiting for a reply, in both directions, kept in the gateway's database (table
 * {@code gateway_open_request}, ledger migration V5) so that every node sharing it sees the same deadlines.
 *
 * <p>Opening is idempotent (a redelivered exchange opens the same entry again without changing it) and closing is a
 * single conditional update, so two nodes never both close one request. Times are kept to the microsecond.
 */
public final class OpenRequests {

    /** Longest page of a listing. */
    public static final int MAX_LIMIT = 1000;

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "direction, message_id, requester, requested_party, agency, exchange_id,"
            + " received_at, due_at, urgent, time_limit, closed_at, closing_message_id";

    /** Which requests a listing shows. */
    public enum State {
        /** Not yet answered. */
        OPEN,
        /** Not yet answered, and past the due time. */
        OVERDUE
    }

    /**
     * What to list: one state, optionally one direction and one agency (null for any), a page of it, soonest due
     * first.
     */
    public record Query(State state, Direction direction, String agency, int offset, int limit) {
        public Query {
            Objects.requireNonNull(state, "state");
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
        }
    }

    /** One page of a listing, with the number of all that match. */
    public record Listing(List<OpenRequest> requests, long total, int offset, int limit) {
        public Listing {
            requests = List.copyOf(requests);
        }
    }

    /** Open and overdue requests per direction, at one moment. */
    public record Counts(Instant at, Map<Direction, Long> open, Map<Direction, Long> overdue) {
        public Counts {
            open = Map.copyOf(open);
            overdue = Map.copyOf(overdue);
        }

        public long open(Direction direction) {
            return open.getOrDefault(direction, 0L);
        }

        public long overdue(Direction direction) {
            return overdue.getOrDefault(direction, 0L);
        }
    }

    private final DataSource database;
    private final Clock clock;

    private OpenRequests(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The record on this database, its tables migrated first (several nodes may do so at once). */
    public static OpenRequests on(DataSource database, Clock clock) {
        LedgerSchema.migrate(database);
        return new OpenRequests(database, clock);
    }

    /**
     * Records a request as open.
     *
     * @return true if it is new; false if it was already recorded (a redelivery), which changes nothing
     */
    public boolean open(OpenRequest request) {
        if (!request.isOpen()) {
            throw new IllegalArgumentException("only an open request is opened");
        }
        try (Connection c = database.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO gateway_open_request (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
            c.setAutoCommit(true);
            insert.setString(1, request.direction().name());
            insert.setString(2, request.messageId());
            insert.setString(3, request.requester());
            insert.setString(4, request.requestedParty());
            insert.setString(5, request.agency());
            insert.setString(6, request.exchangeId());
            bind(insert, 7, request.receivedAt());
            bind(insert, 8, request.dueAt());
            insert.setBoolean(9, request.urgent());
            insert.setString(10, request.timeLimit().name());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("request " + request.messageId() + " could not be recorded as open", e);
        }
    }

    /**
     * The request {@code messageId} in that direction between that agency and that partner, open or closed.
     *
     * @param partner the partner the request was exchanged with (its requester if INBOUND, else the requested party)
     */
    public Optional<OpenRequest> find(Direction direction, String messageId, String agency, String partner) {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM gateway_open_request"
                     + where(direction))) {
            bindKey(select, 1, direction, messageId, agency, partner);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("request " + messageId + " could not be read", e);
        }
    }

    /**
     * Closes the open request a reply answers, if there is one: the request {@code inReplyTo} in that direction,
     * between that agency and that partner. A reply to an unknown request, or to one already closed (also by a
     * redelivery of this same reply), closes nothing.
     *
     * @param direction the direction of the request (a reply we send closes an INBOUND request)
     * @param partner   the partner the request was exchanged with
     * @return the request as closed, if this reply closed it
     */
    public Optional<OpenRequest> closeBy(String replyMessageId, String inReplyTo, Direction direction, String agency,
                                         String partner, Instant closedAt) {
        int closed;
        try (Connection c = database.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE gateway_open_request"
                     + " SET closed_at = ?, closing_message_id = ?" + where(direction) + " AND closed_at IS NULL")) {
            c.setAutoCommit(true);
            bind(update, 1, closedAt);
            update.setString(2, replyMessageId);
            bindKey(update, 3, direction, inReplyTo, agency, partner);
            closed = update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("request " + inReplyTo + " could not be closed by " + replyMessageId, e);
        }
        return closed == 0 ? Optional.empty() : find(direction, inReplyTo, agency, partner);
    }

    private static String where(Direction direction) {
        String partnerColumn = direction == Direction.INBOUND ? "requester" : "requested_party";
        return " WHERE direction = ? AND message_id = ? AND agency = ? AND " + partnerColumn + " = ?";
    }

    private static void bindKey(PreparedStatement statement, int first, Direction direction, String messageId,
                                String agency, String partner) throws SQLException {
        statement.setString(first, direction.name());
        statement.setString(first + 1, messageId);
        statement.setString(first + 2, agency);
        statement.setString(first + 3, partner);
    }

    /** One page of the requests in the query's state, soonest due first; overdue is judged by the clock now. */
    public Listing list(Query query) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" WHERE closed_at IS NULL");
        List<Object> values = new ArrayList<>();
        if (query.state() == State.OVERDUE) {
            where.append(" AND due_at < ?");
            values.add(now);
        }
        if (query.direction() != null) {
            where.append(" AND direction = ?");
            values.add(query.direction().name());
        }
        if (query.agency() != null) {
            where.append(" AND agency = ?");
            values.add(query.agency());
        }
        try (Connection c = database.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM gateway_open_request" + where)) {
                bindAll(count, values);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<OpenRequest> page = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM gateway_open_request"
                    + where + " ORDER BY due_at, direction, message_id, requester, requested_party"
                    + " LIMIT ? OFFSET ?")) {
                int next = bindAll(select, values);
                select.setInt(next, query.limit());
                select.setInt(next + 1, query.offset());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(read(rows));
                    }
                }
            }
            return new Listing(page, total, query.offset(), query.limit());
        } catch (SQLException e) {
            throw new IllegalStateException("open requests could not be read", e);
        }
    }

    /** How many requests are open and overdue, per direction, now. */
    public Counts counts() {
        Instant now = clock.instant();
        Map<Direction, Long> open = new EnumMap<>(Direction.class);
        Map<Direction, Long> overdue = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            open.put(direction, 0L);
            overdue.put(direction, 0L);
        }
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT direction, COUNT(*),"
                     + " SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END) FROM gateway_open_request"
                     + " WHERE closed_at IS NULL GROUP BY direction")) {
            bind(select, 1, now);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Direction direction = Direction.valueOf(rows.getString(1));
                    open.put(direction, rows.getLong(2));
                    overdue.put(direction, rows.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("open requests could not be counted", e);
        }
        return new Counts(now, open, overdue);
    }

    private static int bindAll(PreparedStatement statement, List<Object> values) throws SQLException {
        int index = 1;
        for (Object value : values) {
            if (value instanceof Instant instant) {
                bind(statement, index++, instant);
            } else {
                statement.setString(index++, (String) value);
            }
        }
        return index;
    }

    /** Truncated to the microseconds both databases keep, so that what is read back equals what was written. */
    private static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OpenRequest read(ResultSet row) throws SQLException {
        return new OpenRequest(Direction.valueOf(row.getString("direction")), row.getString("message_id"),
                row.getString("requester"), row.getString("requested_party"), row.getString("agency"),
                row.getString("exchange_id"), instant(row, "received_at"), instant(row, "due_at"),
                row.getBoolean("urgent"), ResponseDeadline.TimeLimit.valueOf(row.getString("time_limit")),
                instant(row, "closed_at"), row.getString("closing_message_id"));
    }
}
