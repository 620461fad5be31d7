package uk.xborder.gateway.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

import uk.xborder.gateway.exchange.ExchangeQuery;
import uk.xborder.gateway.exchange.operator.OperatorAction;

/**
 * The parameters step of the operator API's exchange operations: the exchange reference in the path, the list
 * criteria in the query, and the JSON body of a replay or discard ({@code reason}, {@code force}, and for one of
 * many: {@code references} or {@code filter}, and {@code expectedCount}). Each mistake is a 400 naming the
 * parameter or field, before anything is read or done.
 */
public final class ExchangeOrders {

    /** Exchange references are UUIDs. */
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern JOB = Pattern.compile("replay-[0-9a-f-]{36}");
    static final JsonBody ONE = new JsonBody("the replay or discard", "{\"reason\": \"...\"} at least",
            "with a reason", JsonBody.DEFAULT_MAX_BYTES);
    static final JsonBody MANY = new JsonBody("the selection", "{\"filter\": {...}, \"reason\": \"...\"} or "
            + "{\"references\": [...], \"reason\": \"...\"}", "with references or a filter, and a reason",
            64 * 1024 - 1);

    /** One exchange, acted on: its reference and the operator's action. */
    public record One(String reference, OperatorAction action) {
    }

    /**
     * Many exchanges, by list ({@code references}) or by filter ({@code filter}), with the number the operator
     * confirms having seen (null: none).
     */
    public record Many(List<String> references, ExchangeQuery filter, OperatorAction action, Long expectedCount) {
    }

    /** {@code GET /api/v1/exchanges?...}. */
    public ExchangeQuery list(Exchange exchange) {
        ApiRequest request = ApiRequest.require(exchange);
        ExchangeCriteria criteria = ExchangeCriteria.parse(QueryString.parse(request.http().rawQuery(),
                ExchangeCriteria.NAMES), "Parameter", true);
        request.criteria(criteria.description());
        return criteria.query();
    }

    /** {@code .../{reference}...} without a body. */
    public String reference(Exchange exchange) {
        QueryString.parse(ApiRequest.require(exchange).http().rawQuery(), Set.of());
        String reference = pathReference(exchange);
        ApiRequest.require(exchange).criteria("reference=" + reference);
        return reference;
    }

    /** {@code GET /api/v1/exchanges/replays/{job}}. */
    public String job(Exchange exchange) {
        QueryString.parse(ApiRequest.require(exchange).http().rawQuery(), Set.of());
        String id = VertxHttp.pathParameter(exchange, "job");
        if (id == null || !JOB.matcher(id).matches()) {
            throw ApiProblem.badRequest("INVALID_JOB_ID", "Path parameter 'job' must be a replay job id as the "
                    + "replay answered it (replay-<uuid>).");
        }
        ApiRequest.require(exchange).criteria("job=" + id);
        return id;
    }

    /** {@code POST .../{reference}/replay} or {@code /discard} with {@code {"reason", "force"}}. */
    public One one(Exchange exchange) {
        String reference = reference(exchange);
        ObjectNode body = ONE.read(exchange);
        known(body, Set.of("reason", "force"));
        OperatorAction action = action(exchange, body);
        ApiRequest.require(exchange).criteria("reference=" + reference + "; force=" + action.force() + "; reason="
                + action.reason());
        return new One(reference, action);
    }

    /** {@code POST /api/v1/exchanges/replays} or {@code /discards}. */
    public Many many(Exchange exchange) {
        QueryString.parse(ApiRequest.require(exchange).http().rawQuery(), Set.of());
        ObjectNode body = MANY.read(exchange);
        known(body, Set.of("references", "filter", "reason", "force", "expectedCount"));
        boolean byList = body.has("references");
        boolean byFilter = body.has("filter");
        if (byList == byFilter) {
            throw ApiProblem.badRequest("INVALID_SELECTION", "Give either field 'references' (a list of exchange "
                    + "references) or field 'filter' (an object of criteria), not both and not neither.");
        }
        Long expected = null;
        JsonNode count = body.get("expectedCount");
        if (count != null && !count.isNull()) {
            if (!count.canConvertToLong() || !count.isIntegralNumber() || count.asLong() < 0) {
                throw ApiProblem.badRequest("INVALID_EXPECTED_COUNT", "Field 'expectedCount' must be a whole "
                        + "number from 0: the number of exchanges you saw selected.");
            }
            expected = count.asLong();
        }
        OperatorAction action = action(exchange, body);
        String described;
        List<String> references = null;
        ExchangeQuery filter = null;
        if (byList) {
            references = references(body.get("references"));
            described = "references=" + references.size();
        } else {
            ExchangeCriteria criteria = ExchangeCriteria.parse(filterFields(body.get("filter")), "Filter field",
                    false);
            filter = criteria.query();
            described = "filter: " + criteria.description();
        }
        ApiRequest.require(exchange).criteria(described + "; force=" + action.force()
                + (expected == null ? "" : "; expectedCount=" + expected) + "; reason=" + action.reason());
        return new Many(references, filter, action, expected);
    }

    private static OperatorAction action(Exchange exchange, ObjectNode body) {
        JsonNode reason = body.get("reason");
        if (reason == null || reason.isNull() || !reason.isTextual() || reason.asText().isBlank()) {
            throw ApiProblem.badRequest("MISSING_REASON", "Field 'reason' is required: say why, in a sentence; it "
                    + "goes on the exchange's audit trail.");
        }
        JsonNode force = body.get("force");
        if (force != null && !force.isNull() && !force.isBoolean()) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "Field 'force' must be true or false.");
        }
        String actor = ApiRequest.require(exchange).user().orElseThrow().actor();
        try {
            return new OperatorAction(actor, reason.asText(), force != null && force.asBoolean());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_REASON", "Field 'reason' must be at most "
                    + OperatorAction.MAX_REASON + " characters without control characters.");
        }
    }

    private static List<String> references(JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiProblem.badRequest("INVALID_SELECTION", "Field 'references' must be a non-empty list of "
                    + "exchange references.");
        }
        List<String> references = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual() || !REFERENCE.matcher(item.asText()).matches()) {
                throw ApiProblem.badRequest("INVALID_REFERENCE", "Field 'references' must hold exchange references "
                        + "(UUIDs in lower case, as the list of exchanges gives them).");
            }
            references.add(item.asText());
        }
        return references;
    }

    private static Map<String, String> filterFields(JsonNode filter) {
        if (filter == null || !filter.isObject()) {
            throw ApiProblem.badRequest("INVALID_FILTER", "Field 'filter' must be an object of criteria: "
                    + String.join(", ", ExchangeCriteria.FILTER.stream().sorted().toList()) + ".");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!ExchangeCriteria.FILTER.contains(field.getKey())) {
                throw ApiProblem.badRequest("UNKNOWN_PARAMETER", "Unknown filter field "
                        + QueryString.quoted(field.getKey()) + "; the criteria are "
                        + String.join(", ", ExchangeCriteria.FILTER.stream().sorted().toList()) + ".");
            }
            if (field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                throw ApiProblem.badRequest("INVALID_PARAMETER", "Filter field '" + field.getKey()
                        + "' must be a string.");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }

    private static void known(ObjectNode body, Set<String> fields) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ApiProblem.badRequest("UNKNOWN_PARAMETER", "Unknown field " + QueryString.quoted(name)
                        + "; the fields are " + String.join(", ", fields.stream().sorted().toList()) + ".");
            }
        }
    }

    private static String pathReference(Exchange exchange) {
        String reference = VertxHttp.pathParameter(exchange, "reference");
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw ApiProblem.badRequest("INVALID_REFERENCE", "Path parameter 'reference' must be an exchange "
                    + "reference (a UUID in lower case, as the list of exchanges gives it).");
        }
        return reference;
    }
}
