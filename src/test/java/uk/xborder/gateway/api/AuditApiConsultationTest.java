package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;

/**
 * Invariant 6: every person who reads through the API is logged with the reason given, before anything is returned;
 * a request without a reason reads nothing; refusals are logged too.
 */
class AuditApiConsultationTest {

    @RegisterExtension
    static final RunningApi api = RunningApi.onInMemoryLog();

    @BeforeEach
    void freshJournal() {
        api.log().clearJournal();
    }

    @AfterEach
    void logBackUp() {
        api.log().failRecording(false);
        api.verification(null);
        api.exportOverride(null);
    }

    @Test
    void anAdmittedRequestIsRecordedWithUserReasonAndCriteriaBeforeTheLogIsRead() {
        HttpResponse<String> response = api.getAsAuditor("/api/audit/entries?caseReference=OP-TIDE-7&offset=1");

        assertThat(response.statusCode()).isEqualTo(200);
        AuditEvent event = api.lastConsultation();
        assertThat(event.operation()).isEqualTo(AuditOperation.CONSULTATION.name());
        assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS.name());
        assertThat(event.actor()).isEqualTo("user:auditor");
        assertThat(event.justification()).isEqualTo(RunningApi.JUSTIFICATION);
        assertThat(event.step()).isEqualTo("API_SEARCH");
        assertThat(event.explanation()).isEqualTo("criteria: caseReference=OP-TIDE-7; offset=1; limit=100");
        assertThat(event.exchangeId()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(event.eventKey()).isEqualTo(event.exchangeId() + "/API_SEARCH");
        // the consultation went into the log before the log was searched
        assertThat(api.log().journal()).containsExactly("record:API_SEARCH:SUCCESS", "search");
    }

    @Test
    void eachEndpointRecordsItsOwnStepAndCriteria() {
        api.getAsAuditor("/api/audit/exchanges/" + RunningApi.EXCHANGE_REJECTED);
        assertThat(api.lastConsultation().step()).isEqualTo("API_TRAIL");
        assertThat(api.lastConsultation().explanation()).isEqualTo("criteria: exchangeId="
                + RunningApi.EXCHANGE_REJECTED);

        api.getAsAuditor("/api/audit/entries/1/proof");
        assertThat(api.lastConsultation().step()).isEqualTo("API_PROOF");
        assertThat(api.lastConsultation().explanation()).isEqualTo("criteria: seq=1");

        api.post("/api/audit/export", "auditor", ExampleUsers.AUDITOR_PASSWORD, RunningApi.JUSTIFICATION,
                "application/json", "{\"agency\": \"nca\", \"from\": \"2026-03-01T00:00:00+01:00\"}");
        assertThat(api.lastConsultation().step()).isEqualTo("API_EXPORT");
        assertThat(api.lastConsultation().explanation())
                .isEqualTo("criteria: agency=nca; from=2026-02-28T23:00:00Z");
    }

    @Test
    void twoIdenticalRequestsAreTwoConsultations() {
        api.getAsAuditor("/api/audit/checkpoints");
        api.getAsAuditor("/api/audit/checkpoints");

        List<AuditEvent> all = api.consultations();
        AuditEvent last = all.get(all.size() - 1);
        AuditEvent before = all.get(all.size() - 2);
        assertThat(last.eventKey()).isNotEqualTo(before.eventKey());
        assertThat(last.step()).isEqualTo(before.step()).isEqualTo("API_CHECKPOINTS");
    }

    @Test
    void withoutAJustificationNothingIsReadAndTheRefusalIsRecorded() {
        HttpResponse<String> response = api.get("/api/audit/entries?messageId=PS-1", "auditor",
                ExampleUsers.AUDITOR_PASSWORD, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).get("error").asText()).isEqualTo("MISSING_JUSTIFICATION");
        assertThat(api.json(response).get("message").asText()).contains(Justification.HEADER);
        assertThat(response.body()).doesNotContain("PS-1");
        assertThat(api.log().journal()).containsExactly("record:API_SEARCH:REJECTED");
        AuditEvent refusal = api.lastConsultation();
        assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REJECTED.name());
        assertThat(refusal.actor()).isEqualTo("user:auditor");
        assertThat(refusal.justification()).isNull();
        assertThat(refusal.explanation()).startsWith("refused 400 MISSING_JUSTIFICATION");
    }

    @Test
    void aBlankOrOverlongJustificationIsRefused() {
        HttpResponse<String> blank = api.get("/api/audit/checkpoints", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                "   ");
        HttpResponse<String> overlong = api.get("/api/audit/checkpoints", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                "x".repeat(Justification.MAX_LENGTH + 1));

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(api.json(blank).get("error").asText()).isEqualTo("MISSING_JUSTIFICATION");
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(api.json(overlong).get("error").asText()).isEqualTo("JUSTIFICATION_TOO_LONG");
        assertThat(api.lastConsultation().justification()).hasSizeLessThanOrEqualTo(
                Justification.REFUSED_LENGTH + 3);
        assertThat(api.log().journal()).doesNotContain("checkpoints");
    }

    @Test
    void anUnauthenticatedCallersTextIsKeptOnlyShortAndSanitized() {
        String hostile = "<script>alert(1)</script> ' OR 1=1 -- " + "A".repeat(400);

        HttpResponse<String> response = api.get("/api/audit/entries", "<img src=x>", "guess", hostile);

        assertThat(response.statusCode()).isEqualTo(401);
        AuditEvent refusal = api.lastConsultation();
        assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REJECTED.name());
        assertThat(refusal.actor()).isEqualTo("unauthenticated");
        assertThat(refusal.justification()).hasSizeLessThanOrEqualTo(Justification.REFUSED_LENGTH + 3)
                .doesNotContain("<", ">", "'", "=");
        assertThat(refusal.explanation()).contains("Claimed user: ?img src?x?").doesNotContain("<", "guess");
    }

    @Test
    void aForbiddenRequestIsRecordedWithTheUser() {
        HttpResponse<String> response = api.post("/api/audit/verify", "operator", ExampleUsers.OPERATOR_PASSWORD,
                RunningApi.JUSTIFICATION, null, null);

        assertThat(response.statusCode()).isEqualTo(403);
        AuditEvent refusal = api.lastConsultation();
        assertThat(refusal.actor()).isEqualTo("user:operator");
        assertThat(refusal.step()).isEqualTo("API_VERIFY");
        assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REJECTED.name());
        assertThat(refusal.explanation()).startsWith("refused 403 FORBIDDEN");
    }

    @Test
    void whenTheConsultationCannotBeRecordedNothingIsRead() {
        api.log().failRecording(true);

        HttpResponse<String> response = api.getAsAuditor("/api/audit/exchanges/" + RunningApi.EXCHANGE_DELIVERED);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(api.json(response).get("error").asText()).isEqualTo("AUDIT_UNAVAILABLE");
        assertThat(response.body()).doesNotContain(RunningApi.EXCHANGE_DELIVERED, "RECEIVED");
        assertThat(api.log().journal()).containsExactly("record:API_TRAIL:SUCCESS");
    }

    @Test
    void anUnexpectedFaultIsA500WithoutItsStory() {
        api.verification(() -> {
            throw new IllegalStateException("Merkle root mismatch at uk.xborder.secret.Thing");
        });

        HttpResponse<String> response = api.post("/api/audit/verify", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, null, null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(api.json(response).get("error").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("Exception", "at uk.", "Merkle", "secret")
                .contains(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aRequestRefusedAfterItWasAdmittedKeepsBothItsConsultationAndItsRefusal() {
        api.exportOverride(query -> {
            throw ApiProblem.badRequest("EXPORT_TOO_LARGE", "More than 100000 entries match; narrow the criteria.");
        });

        HttpResponse<String> response = api.post("/api/audit/export", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).get("error").asText()).isEqualTo("EXPORT_TOO_LARGE");
        List<AuditEvent> all = api.consultations();
        AuditEvent admitted = all.get(all.size() - 2);
        AuditEvent refused = all.get(all.size() - 1);
        assertThat(admitted.outcome()).isEqualTo(AuditOutcome.SUCCESS.name());
        assertThat(admitted.explanation()).isEqualTo("criteria: none");
        assertThat(refused.outcome()).isEqualTo(AuditOutcome.REJECTED.name());
        assertThat(refused.exchangeId()).isEqualTo(admitted.exchangeId());
        assertThat(refused.eventKey()).isEqualTo(admitted.eventKey() + "/REJECTED");
        assertThat(refused.justification()).isEqualTo(RunningApi.JUSTIFICATION);
    }
}
