package uk.xborder.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import uk.xborder.gateway.requests.Direction;
import uk.xborder.gateway.requests.OpenRequests;

/**
 * What {@code GET /api/v1/requests} asks for: {@code state} (open, the default, or overdue), optionally
 * {@code direction} (inbound: we must answer; outbound: we await the answer) and {@code agency}, and a page
 * ({@code offset}, {@code limit}). Checked by the same rules as the audit search's criteria ({@link Criteria}).
 *
 * @param query       the validated query
 * @param description the criteria, normalised, for the consultation's audit event ({@code state=OVERDUE; ...})
 */
record RequestCriteria(OpenRequests.Query query, String description) {

    static final Set<String> NAMES = Set.of("state", "direction", "agency", "offset", "limit");
    static final int DEFAULT_LIMIT = 100;

    static RequestCriteria parse(Map<String, String> values) {
        Map<String, String> described = new LinkedHashMap<>();
        OpenRequests.State state = Criteria.choice(values, "state", OpenRequests.State.class, "UNKNOWN_STATE",
                "Parameter", described);
        if (state == null) {
            state = OpenRequests.State.OPEN;
            described.put("state", state.name());
        }
        Direction direction = Criteria.choice(values, "direction", Direction.class, "UNKNOWN_DIRECTION",
                "Parameter", described);
        String agency = Criteria.text(values, "agency", "Parameter", described);
        int offset = Criteria.number(values, "offset", 0, 0, Integer.MAX_VALUE, "INVALID_OFFSET", "Parameter",
                described);
        int limit = Criteria.number(values, "limit", DEFAULT_LIMIT, 1, OpenRequests.MAX_LIMIT, "INVALID_LIMIT",
                "Parameter", described);
        StringJoiner text = new StringJoiner("; ");
        described.forEach((name, value) -> text.add(name + "=" + value));
        return new RequestCriteria(new OpenRequests.Query(state, direction, agency, offset, limit), text.toString());
    }
}
