package uk.xborder.gateway.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;

import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.requests.OpenRequests;

/**
 * The second step of every API route: reads what the request asks for, strictly, into the message body, and notes
 * it (criteria only) for the consultation's audit event. Each mistake is a {@code 400} naming the parameter.
 */
public final class ApiParameters {

    /** Page size of a search when the request gives none. */
    static final int DEFAULT_SEARCH_LIMIT = 100;
    /** The body of {@code POST /export}: a JSON object of criteria, a few hundred bytes. */
    static final JsonBody EXPORT_QUERY = new JsonBody("the export query", "{} selects the whole log", "of criteria",
            JsonBody.DEFAULT_MAX_BYTES);

    /** Exchange ids are UUIDs; this also admits other plain identifiers without admitting anything odd. */
    private static final Pattern EXCHANGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    /** {@code GET /entries?...}: the body becomes an {@link AuditQuery}. */
    public AuditQuery searchCriteria(Exchange exchange) {
        Map<String, String> values = QueryString.parse(ApiRequest.require(exchange).http().rawQuery(), Criteria.NAMES);
        return noted(exchange, Criteria.page(values, "Parameter", DEFAULT_SEARCH_LIMIT));
    }

    /**
     * {@code POST /export} with a JSON object of criteria: the body becomes an {@link AuditQuery}. A bundle holds
     * every entry the criteria select, so there is no offset or limit.
     */
    public AuditQuery exportCriteria(Exchange exchange) {
        QueryString.parse(ApiRequest.require(exchange).http().rawQuery(), Set.of());
        return noted(exchange, Criteria.selection(fields(EXPORT_QUERY.read(exchange)), "Field"));
    }

    /** {@code GET /exchanges/{exchangeId}}: the body becomes the exchange id. */
    public String trailExchange(Exchange exchange) {
        QueryString.parse(ApiRequest.require(exchange).http().rawQuery(), Set.of());
        String id = VertxHttp.pathParameter(exchange, "exchangeId");
        if (id == null || !EXCHANGE_ID.matcher(id).matches()) {
            throw ApiProblem.badRequest("INVALID_EXCHANGE_ID", "Path parameter 'exchangeId' must be 1 to 200 "
                    + "letters, digits or . _ : @ - (an exchange id such as a UUID).");
        }
        ApiRequest.require(exchange).criteria("exchangeId=" + id);
        return id;
    }

    /** {@code GET /entries/{seq}/proof?treeSize=}: the body becomes a {@link ProofRequest}. */
    public ProofRequest proofRequest(Exchange exchange) {
        Map<String, String> query = QueryString.parse(ApiRequest.require(exchange).http().rawQuery(), Set.of("treeSize"));
        String seqText = VertxHttp.pathParameter(exchange, "seq");
        if (seqText == null || !DIGITS.matcher(seqText).matches()) {
            throw ApiProblem.badRequest("INVALID_SEQUENCE", "Path parameter 'seq' must be an entry's sequence "
                    + "number: a whole number from 0.");
        }
        long seq = Long.parseLong(seqText);
        OptionalLong treeSize = OptionalLong.empty();
        String sizeText = query.get("treeSize");
        if (sizeText != null) {
            if (!DIGITS.matcher(sizeText).matches() || Long.parseLong(sizeText) < 1) {
                throw ApiProblem.badRequest("INVALID_TREE_SIZE", "Parameter 'treeSize' must be the size of a "
                        + "signed checkpoint: a whole number from 1.");
            }
            treeSize = OptionalLong.of(Long.parseLong(sizeText));
            if (seq >= treeSize.getAsLong()) {
                throw ApiProblem.badRequest("ENTRY_NOT_IN_TREE", "Entry 'seq' is not in a tree of 'treeSize' "
                        + "entries: seq must be less than treeSize.");
            }
        }
        ApiRequest.require(exchange).criteria("seq=" + seq + (treeSize.isPresent()
                ? "; treeSize=" + treeSize.getAsLong() : ""));
        return new ProofRequest(seq, treeSize);
    }

    /** {@code GET /api/v1/requests?...}: the body becomes an {@link OpenRequests.Query}. */
    public OpenRequests.Query requestCriteria(Exchange exchange) {
        Map<String, String> values = QueryString.parse(ApiRequest.require(exchange).http().rawQuery(),
                RequestCriteria.NAMES);
        RequestCriteria criteria = RequestCriteria.parse(values);
        ApiRequest.require(exchange).criteria(criteria.description());
        return criteria.query();
    }

    /** Endpoints that take no parameters refuse any, rather than silently ignore them. */
    public void none(Exchange exchange) {
        QueryString.parse(ApiRequest.require(exchange).http().rawQuery(), Set.of());
    }

    private static AuditQuery noted(Exchange exchange, Criteria criteria) {
        ApiRequest.require(exchange).criteria(criteria.description());
        return criteria.query();
    }

    /** The JSON object's fields as criterion values: strings (null for absent). */
    private static Map<String, String> fields(JsonNode root) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("offset") || name.equals("limit")) {
                throw ApiProblem.badRequest("UNKNOWN_PARAMETER", "Field '" + name + "' does not apply to an "
                        + "export: a bundle holds every entry the criteria select.");
            }
            if (!Criteria.SELECTION.contains(name)) {
                throw ApiProblem.badRequest("UNKNOWN_PARAMETER", "Unknown field " + QueryString.quoted(name)
                        + "; the criteria are " + String.join(", ", Criteria.SELECTION.stream().sorted().toList())
                        + ".");
            }
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw ApiProblem.badRequest("INVALID_PARAMETER", "Field '" + name + "' must be a string.");
            }
            values.put(name, value.asText());
        }
        return values;
    }
}
