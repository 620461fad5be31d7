package uk.xborder.gateway.exchange;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a query and its values, every value a bound parameter. */
final class ExchangeFilter {

    private interface Value {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private final List<String> conditions = new ArrayList<>();
    private final List<Value> values = new ArrayList<>();

    private ExchangeFilter() {
    }

    static ExchangeFilter of(ExchangeQuery query) {
        ExchangeFilter filter = new ExchangeFilter();
        filter.text("e.partner = ?", query.partner());
        filter.text("e.agency = ?", query.agency());
        filter.text("e.direction = ?", query.direction() == null ? null : query.direction().name());
        filter.text("e.reason_code = ?", query.reasonCode());
        filter.text("e.message_id = ?", query.messageId());
        if (!query.states().isEmpty()) {
            List<String> marks = new ArrayList<>();
            query.states().stream().map(Enum::name).sorted().forEach(state -> {
                marks.add("?");
                filter.values.add((statement, index) -> statement.setString(index, state));
            });
            filter.conditions.add("e.state IN (" + String.join(", ", marks) + ")");
        }
        if (query.from() != null) {
            filter.conditions.add("e.updated_at >= ?");
            filter.values.add((statement, index) -> Jdbc.bind(statement, index, query.from()));
        }
        if (query.to() != null) {
            filter.conditions.add("e.updated_at < ?");
            filter.values.add((statement, index) -> Jdbc.bind(statement, index, query.to()));
        }
        return filter;
    }

    private void text(String condition, String value) {
        if (value != null) {
            conditions.add(condition);
            values.add((statement, index) -> statement.setString(index, value));
        }
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            values.get(i).bind(statement, i + 1);
        }
    }
}
