package uk.xborder.gateway.audit.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from {@code TIMESTAMP(6) WITH TIME ZONE}. Both databases keep microseconds, and the canonical
 * entry form writes microseconds; we truncate before binding because the PostgreSQL driver would otherwise
 * <em>round</em> nanoseconds, and a rounded time would no longer hash to the stored leaf.
 */
final class DbTime {

    private DbTime() {
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The first microsecond at or after {@code instant}: the right bound for a search on stored (microsecond) times,
     * because a stored time is at or after {@code instant} exactly when it is at or after this.
     */
    static Instant ceilingMicros(Instant instant) {
        Instant floor = micros(instant);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MICROS);
    }

    static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
    }

    static Instant read(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
