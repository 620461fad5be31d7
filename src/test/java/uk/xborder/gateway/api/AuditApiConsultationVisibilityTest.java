package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who read the log, and why, is for auditors: an operator sees their own readings of the log but not other people's,
 * whose justifications can name court orders and operations; an auditor sees everyone's.
 */
class AuditApiConsultationVisibilityTest {

    private static final String COURT_ORDER = "Court order 2026/17: disclosures of Operation Kestrel";
    private static final String OPERATOR_REASON = "Ticket OPS-881: failed delivery to Europol";

    @RegisterExtension
    static final RunningApi api = RunningApi.onInMemoryLog();

    /** The exchange id (request id) of the auditor's reading and of the operator's own. */
    private static String auditorsReading;
    private static String operatorsReading;

    @BeforeAll
    static void anAuditorAndAnOperatorHaveReadTheLog() {
        auditorsReading = api.get("/api/audit/entries?messageId=PS-1", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                COURT_ORDER).headers().firstValue("X-Request-Id").orElseThrow();
        operatorsReading = api.get("/api/audit/entries?outcome=rejected", "operator",
                ExampleUsers.OPERATOR_PASSWORD, OPERATOR_REASON).headers().firstValue("X-Request-Id").orElseThrow();
        // an anonymous caller's refusal is a consultation entry too, and not the operator's
        api.get("/api/audit/entries", null, null, "looking around");
    }

    @Test
    void anOperatorsSearchShowsOnlyTheirOwnConsultations() {
        HttpResponse<String> response = operator("/api/audit/entries?operation=consultation&limit=1000");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = api.json(response);
        List<String> actors = page.get("entries").findValuesAsText("actor");
        assertThat(actors).isNotEmpty().containsOnly("user:operator");
        assertThat(page.get("total").asLong()).isEqualTo(actors.size());
        assertThat(page.get("entries").findValuesAsText("exchangeId")).contains(operatorsReading)
                .doesNotContain(auditorsReading);
        assertThat(response.body()).doesNotContain("Court order", "Kestrel");
    }

    @Test
    void anOperatorStillSeesTheGatewaysOwnSteps() {
        JsonNode page = api.json(operator("/api/audit/entries?limit=1000"));

        List<String> actors = page.get("entries").findValuesAsText("actor");
        assertThat(actors).contains("gateway/outbound", "user:operator").doesNotContain("user:auditor",
                "unauthenticated");
        assertThat(page.get("entries").findValuesAsText("exchangeId")).contains(RunningApi.EXCHANGE_REJECTED);
    }

    @Test
    void anotherPersonsReadingIsUnknownToAnOperatorButNotToAnAuditor() {
        HttpResponse<String> operatorTrail = operator("/api/audit/exchanges/" + auditorsReading);
        assertThat(operatorTrail.statusCode()).isEqualTo(404);
        assertThat(api.json(operatorTrail).get("error").asText()).isEqualTo("UNKNOWN_EXCHANGE");
        assertThat(operatorTrail.body()).doesNotContain("Court order", "auditor");

        assertThat(operator("/api/audit/exchanges/" + operatorsReading).statusCode()).isEqualTo(200);

        HttpResponse<String> auditorTrail = api.getAsAuditor("/api/audit/exchanges/" + auditorsReading);
        assertThat(auditorTrail.statusCode()).isEqualTo(200);
        assertThat(api.json(auditorTrail).get("entries").findValuesAsText("justification")).contains(COURT_ORDER);
    }

    @Test
    void anAuditorSeesEveryonesConsultations() {
        JsonNode page = api.json(api.getAsAuditor("/api/audit/entries?operation=consultation&limit=1000"));

        assertThat(page.get("entries").findValuesAsText("actor")).contains("user:auditor", "user:operator",
                "unauthenticated");
        assertThat(page.get("entries").findValuesAsText("justification")).contains(COURT_ORDER, OPERATOR_REASON);
    }

    private static HttpResponse<String> operator(String path) {
        return api.get(path, "operator", ExampleUsers.OPERATOR_PASSWORD, OPERATOR_REASON);
    }
}
