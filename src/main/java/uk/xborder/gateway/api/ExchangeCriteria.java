package uk.xborder.gateway.api;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeQuery;
import uk.xborder.gateway.exchange.ExchangeState;

/**
 * Which exchanges an operator asks about: {@code partner}, {@code agency}, {@code direction}, {@code state} (one or
 * several, comma-separated), {@code reasonCode}, {@code messageId}, a time window on the last change ({@code from}
 * inclusive, {@code to} exclusive) and, for a list, a page ({@code offset}, {@code limit}). Each mistake is a 400
 * naming the parameter, by the rules of the audit search's criteria ({@link Criteria}).
 *
 * @param description the criteria, normalised, for the audit event ({@code partner=europol; state=FAILED})
 */
record ExchangeCriteria(ExchangeQuery query, String description) {

    static final Set<String> FILTER = Set.of("partner", "agency", "direction", "state", "reasonCode", "messageId",
            "from", "to");
    static final Set<String> NAMES = Set.of("partner", "agency", "direction", "state", "reasonCode", "messageId",
            "from", "to", "offset", "limit");

    static ExchangeCriteria parse(Map<String, String> values, String noun, boolean paged) {
        Map<String, String> described = new LinkedHashMap<>();
        String partner = Criteria.text(values, "partner", noun, described);
        String agency = Criteria.text(values, "agency", noun, described);
        Direction direction = Criteria.choice(values, "direction", Direction.class, "UNKNOWN_DIRECTION", noun,
                described);
        Set<ExchangeState> states = states(values.get("state"), noun, described);
        String reasonCode = Criteria.text(values, "reasonCode", noun, described);
        if (reasonCode != null) {
            reasonCode = reasonCode.strip().toUpperCase(Locale.ROOT);
            described.put("reasonCode", reasonCode);
        }
        String messageId = Criteria.text(values, "messageId", noun, described);
        Instant from = Criteria.instant(values, "from", noun, described);
        Instant to = Criteria.instant(values, "to", noun, described);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.badRequest("INVALID_RANGE", "'from' must be before 'to' (from is inclusive, to "
                    + "exclusive).");
        }
        int offset = paged ? Criteria.number(values, "offset", 0, 0, Integer.MAX_VALUE, "INVALID_OFFSET", noun,
                described) : 0;
        int limit = paged ? Criteria.number(values, "limit", ExchangeQuery.DEFAULT_LIMIT, 1, ExchangeQuery.MAX_LIMIT,
                "INVALID_LIMIT", noun, described) : ExchangeQuery.MAX_LIMIT;
        StringJoiner text = new StringJoiner("; ");
        described.forEach((name, value) -> text.add(name + "=" + value));
        return new ExchangeCriteria(new ExchangeQuery(partner, agency, direction, states, reasonCode, messageId,
                from, to, offset, limit), described.isEmpty() ? "none" : text.toString());
    }

    private static Set<ExchangeState> states(String value, String noun, Map<String, String> described) {
        if (value == null) {
            return Set.of();
        }
        Set<ExchangeState> states = EnumSet.noneOf(ExchangeState.class);
        for (String part : value.split(",", -1)) {
            Map<String, String> one = Map.of("state", part);
            ExchangeState state = Criteria.choice(one, "state", ExchangeState.class, "UNKNOWN_STATE", noun,
                    new LinkedHashMap<>());
            states.add(state);
        }
        StringJoiner text = new StringJoiner(",");
        states.forEach(state -> text.add(state.name()));
        described.put("state", text.toString());
        return states;
    }
}
