package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.xborder.gateway.audit.AuditOutcome;

/**
 * Invariant 5 for the API: each malformed parameter gets its own code and a sentence naming it, unknown ids get a 404
 * in the same shape, and no answer ever shows an exception.
 */
class AuditApiBadInputTest {

    @RegisterExtension
    static final RunningApi api = RunningApi.onInMemoryLog();

    static Stream<Arguments> malformedQueries() {
        String long201 = "x".repeat(Criteria.MAX_TEXT + 1);
        return Stream.of(
                Arguments.of("/api/audit/entries?from=yesterday", "INVALID_INSTANT", "from"),
                Arguments.of("/api/audit/entries?to=2026-13-01T00:00:00Z", "INVALID_INSTANT", "to"),
                Arguments.of("/api/audit/entries?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "INVALID_RANGE",
                        "from"),
                Arguments.of("/api/audit/entries?offset=-1", "INVALID_OFFSET", "offset"),
                Arguments.of("/api/audit/entries?offset=ten", "INVALID_OFFSET", "offset"),
                Arguments.of("/api/audit/entries?limit=1001", "INVALID_LIMIT", "limit"),
                Arguments.of("/api/audit/entries?limit=0", "INVALID_LIMIT", "limit"),
                Arguments.of("/api/audit/entries?operation=READING", "UNKNOWN_OPERATION", "operation"),
                Arguments.of("/api/audit/entries?outcome=MAYBE", "UNKNOWN_OUTCOME", "outcome"),
                Arguments.of("/api/audit/entries?exchangeID=abc", "UNKNOWN_PARAMETER", "exchangeID"),
                Arguments.of("/api/audit/entries?agency=nca&agency=hmrc", "REPEATED_PARAMETER", "agency"),
                Arguments.of("/api/audit/entries?messageId=", "EMPTY_PARAMETER", "messageId"),
                Arguments.of("/api/audit/entries?marking=" + long201, "PARAMETER_TOO_LONG", "marking"),
                Arguments.of("/api/audit/entries?partner=europol%0Aforged", "INVALID_PARAMETER", "partner"),
                Arguments.of("/api/audit/entries/abc/proof", "INVALID_SEQUENCE", "seq"),
                Arguments.of("/api/audit/entries/-1/proof", "INVALID_SEQUENCE", "seq"),
                Arguments.of("/api/audit/entries/1/proof?treeSize=0", "INVALID_TREE_SIZE", "treeSize"),
                Arguments.of("/api/audit/entries/1/proof?treeSize=big", "INVALID_TREE_SIZE", "treeSize"),
                Arguments.of("/api/audit/entries/5/proof?treeSize=5", "ENTRY_NOT_IN_TREE", "treeSize"),
                Arguments.of("/api/audit/exchanges/not%20an%20id", "INVALID_EXCHANGE_ID", "exchangeId"),
                Arguments.of("/api/audit/checkpoints?all=true", "UNKNOWN_PARAMETER", "all"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformedQueries")
    void aMalformedParameterIsA400NamingIt(String path, String code, String parameter) {
        HttpResponse<String> response = api.getAsAuditor(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, code, parameter);
        assertThat(api.lastConsultation().outcome()).isEqualTo(AuditOutcome.REJECTED.name());
        assertThat(api.lastConsultation().explanation()).contains(code);
    }

    static Stream<Arguments> malformedExports() {
        return Stream.of(
                Arguments.of("{\"from\": \"last week\"}", "INVALID_INSTANT", "from"),
                Arguments.of("{\"to\": \"2026-02-30T00:00:00Z\"}", "INVALID_INSTANT", "to"),
                Arguments.of("{\"limit\": 10}", "UNKNOWN_PARAMETER", "limit"),
                Arguments.of("{\"operation\": 7}", "INVALID_PARAMETER", "operation"),
                Arguments.of("{\"outcome\": \"LOST\"}", "UNKNOWN_OUTCOME", "outcome"),
                Arguments.of("{\"agency\": [\"nca\"]}", "INVALID_PARAMETER", "agency"),
                Arguments.of("{\"everything\": true}", "UNKNOWN_PARAMETER", "everything"),
                Arguments.of("{\"agency\": \"nca\", \"agency\": \"hmrc\"}", "MALFORMED_JSON", "JSON"),
                Arguments.of("{\"agency\": ", "MALFORMED_JSON", "JSON"),
                Arguments.of("[]", "MALFORMED_JSON", "JSON object"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformedExports")
    void aMalformedExportQueryIsA400NamingTheField(String body, String code, String field) {
        HttpResponse<String> response = api.post("/api/audit/export", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, "application/json", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, code, field);
    }

    /** Vert.x refuses a malformed percent-encoding itself, before any route: a bare 400, still without a trace. */
    @Test
    void aMalformedPercentEncodingIsA400() throws Exception {
        String[] response = api.rawGet("/api/audit/entries?messageId=%zz", RunningApi.JUSTIFICATION);

        assertThat(response[0]).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(response[1]).doesNotContain("Exception", "at io.", "at uk.");
    }

    @Test
    void anExportMustBeAJsonObject() {
        HttpResponse<String> empty = api.post("/api/audit/export", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, "application/json", null);
        HttpResponse<String> form = api.post("/api/audit/export", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, "application/x-www-form-urlencoded", "agency=nca");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertProblem(empty, "MISSING_BODY", "JSON object");
        assertThat(form.statusCode()).isEqualTo(415);
        assertProblem(form, "UNSUPPORTED_MEDIA_TYPE", "application/json");
    }

    @Test
    void unknownIdsAre404sInTheSameShape() {
        HttpResponse<String> exchange = api.getAsAuditor("/api/audit/exchanges/7d1c3b9e-0000-0000-0000-000000000000");
        HttpResponse<String> entry = api.getAsAuditor("/api/audit/entries/999999/proof");
        HttpResponse<String> checkpoint = api.getAsAuditor("/api/audit/entries/0/proof?treeSize=3");

        assertThat(exchange.statusCode()).isEqualTo(404);
        assertProblem(exchange, "UNKNOWN_EXCHANGE", "exchangeId");
        assertThat(entry.statusCode()).isEqualTo(404);
        assertProblem(entry, "UNKNOWN_ENTRY", "seq");
        assertThat(checkpoint.statusCode()).isEqualTo(404);
        assertProblem(checkpoint, "UNKNOWN_CHECKPOINT", "treeSize");
        // the person asked, so the consultation stands in the log even though nothing was found
        assertThat(api.lastConsultation().outcome()).isEqualTo(AuditOutcome.SUCCESS.name());
    }

    @Test
    void aPathParameterCannotBeOverriddenByAHeaderOfTheSameName() {
        HttpResponse<String> response = api.send(api.request("/api/audit/entries/1/proof", "auditor",
                ExampleUsers.AUDITOR_PASSWORD, RunningApi.JUSTIFICATION).header("seq", "0").GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "INVALID_SEQUENCE", "seq");
    }

    private static void assertProblem(HttpResponse<String> response, String code, String named) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = api.json(response);
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).contains(named).endsWith(".");
        assertThat(response.body()).doesNotContain("Exception", "at uk.", "at org.", "java.");
    }
}
