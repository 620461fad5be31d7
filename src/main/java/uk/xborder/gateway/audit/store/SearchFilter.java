package uk.xborder.gateway.audit.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.log.AuditQuery;

/**
 * The WHERE clause of a search. Only fixed column names and {@code ?} go into the SQL text; every value the query
 * holds is bound as a parameter, so no value can change what the statement means. Lists are matched exactly through
 * their child tables ({@code EXISTS}), never with LIKE.
 *
 * <p>Time bounds are rounded up to the microsecond, the precision of stored times, which keeps "at or after" and
 * "before" exact.
 *
 * <p>Every search is bounded by the log's size when it started ({@code e.seq < ?}): the log only grows, so the
 * count and the page, run as two statements, describe the same set of entries.
 */
final class SearchFilter {

    private final StringBuilder where = new StringBuilder("e.seq < ?");
    private final List<Object> values = new ArrayList<>();

    private SearchFilter(long size) {
        values.add(size);
    }

    static SearchFilter of(AuditQuery query, long size) {
        SearchFilter filter = new SearchFilter(size);
        filter.equal("e.message_id", query.messageId());
        filter.equal("e.exchange_id", query.exchangeId());
        filter.equal("e.sender", query.agency());
        filter.equal("e.marking", query.marking());
        filter.equal("e.operation", query.operation() == null ? null : query.operation().name());
        filter.equal("e.outcome", query.outcome() == null ? null : query.outcome().name());
        filter.exists("audit_entry_case_reference", "case_reference", query.caseReference());
        filter.exists("audit_entry_recipient", "recipient", query.partner());
        filter.compare("e.event_time >= ?", query.from());
        filter.compare("e.event_time < ?", query.to());
        if (query.consultationsOnlyBy() != null) {
            filter.where.append(" AND (e.operation <> ? OR e.actor = ?)");
            filter.values.add(AuditOperation.CONSULTATION.name());
            filter.values.add(query.consultationsOnlyBy());
        }
        return filter;
    }

    String where() {
        return where.toString();
    }

    /** Binds the values from parameter {@code index} on; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
        for (Object value : values) {
            if (value instanceof Instant instant) {
                DbTime.bind(statement, index++, DbTime.ceilingMicros(instant));
            } else if (value instanceof Long number) {
                statement.setLong(index++, number);
            } else {
                statement.setString(index++, (String) value);
            }
        }
        return index;
    }

    private void equal(String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
    }

    private void exists(String table, String column, String value) {
        if (value != null) {
            where.append(" AND EXISTS (SELECT 1 FROM ").append(table).append(" l WHERE l.seq = e.seq AND l.")
                    .append(column).append(" = ?)");
            values.add(value);
        }
    }

    private void compare(String condition, Instant value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            values.add(value);
        }
    }
}
