package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.evidence.BundleVerifier;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.merkle.InclusionProofVerifier;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.audit.verify.VerificationReport;

/** Who may use which endpoint, and what each answers, through real HTTP. */
class AuditApiAccessTest {

    @RegisterExtension
    static final RunningApi api = RunningApi.onInMemoryLog();

    @Test
    void anAuditorSearchesTheLogByCriteria() {
        HttpResponse<String> response = api.getAsAuditor("/api/audit/entries?messageId=PS-1&partner=europol&limit=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode page = api.json(response);
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("entries")).hasSize(2);
        JsonNode first = page.get("entries").get(0);
        assertThat(first.get("step").asText()).isEqualTo("RECEIVED");
        assertThat(first.get("messageId").asText()).isEqualTo("PS-1");
        assertThat(first.get("leafHash").asText()).hasSize(64);
    }

    @Test
    void anAuditorReadsAnExchangesTrailInOrder() {
        HttpResponse<String> response = api.getAsAuditor("/api/audit/exchanges/" + RunningApi.EXCHANGE_DELIVERED);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode trail = api.json(response);
        assertThat(trail.get("exchangeId").asText()).isEqualTo(RunningApi.EXCHANGE_DELIVERED);
        assertThat(trail.get("entries").findValuesAsText("step"))
                .containsExactly("RECEIVED", "SCHEMA_VALID", "AUTHORISED", "RELEASED", "DELIVERED");
        assertThat(trail.get("entries").findValues("seq").stream().map(JsonNode::asLong).toList()).isSorted();
    }

    @Test
    void anAuditorGetsAnInclusionProofThatVerifiesAgainstTheSignedCheckpoint() throws Exception {
        HttpResponse<String> response = api.getAsAuditor("/api/audit/entries/2/proof");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode proof = api.json(response);
        JsonNode checkpoint = proof.get("checkpoint");
        assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.get("treeSize").asLong());
        assertThat(checkpoint.get("signature").asText()).isNotBlank();
        HexFormat hex = HexFormat.of();
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(node -> path.add(hex.parseHex(node.asText())));
        byte[] leaf = MerkleHash.leaf(proof.get("canonicalEntry").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(hex.formatHex(leaf)).isEqualTo(proof.get("leafHash").asText());
        // Throws unless the path leads from the entry's hash to the signed root.
        InclusionProofVerifier.verify(leaf, new InclusionProof(2, proof.get("treeSize").asLong(), path),
                hex.parseHex(checkpoint.get("rootHash").asText()));
    }

    @Test
    void anAuditorListsCheckpointsExportsEvidenceAndVerifiesTheLog() throws Exception {
        HttpResponse<String> checkpoints = api.getAsAuditor("/api/audit/checkpoints");
        assertThat(checkpoints.statusCode()).isEqualTo(200);
        assertThat(api.json(checkpoints).get("checkpoints")).isNotEmpty();

        HttpResponse<String> export = api.post("/api/audit/export", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, "application/json", "{\"exchangeId\": \"" + RunningApi.EXCHANGE_REJECTED
                        + "\"}");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).matches("attachment; filename=\"evidence-\\d{8}T\\d{6}Z\\.json\""));
        assertThat(api.json(export).get("entries")).hasSize(2);
        // What the auditor downloaded is a bundle that verifies offline, with nothing but the root certificate.
        VerificationReport offline = BundleVerifier.trusting(List.of(AuditPki.certificate("uk-root-ca")),
                AuditPki.crls("uk-root-ca")).verify(export.body().getBytes(StandardCharsets.UTF_8));
        assertThat(offline.ok()).as(offline.summary()).isTrue();
        assertThat(offline.entriesChecked()).isEqualTo(2);

        HttpResponse<String> verify = api.post("/api/audit/verify", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, null, null);
        assertThat(verify.statusCode()).isEqualTo(200);
        // What the production verifier answers: the seeded log, re-hashed and checked against its checkpoints.
        assertThat(api.json(verify).get("ok").asBoolean()).isTrue();
        assertThat(api.json(verify).get("failure").isNull()).isTrue();
        assertThat(api.json(verify).get("entriesChecked").asLong()).isEqualTo(api.log().size()).isPositive();
    }

    @Test
    void anOperatorSearchesAndReadsTrailsButMayNotExportOrProve() {
        String password = ExampleUsers.OPERATOR_PASSWORD;
        assertThat(api.get("/api/audit/entries?outcome=rejected", "operator", password, RunningApi.JUSTIFICATION)
                .statusCode()).isEqualTo(200);
        assertThat(api.get("/api/audit/exchanges/" + RunningApi.EXCHANGE_REJECTED, "operator", password,
                RunningApi.JUSTIFICATION).statusCode()).isEqualTo(200);

        HttpResponse<String> export = api.post("/api/audit/export", "operator", password, RunningApi.JUSTIFICATION,
                "application/json", "{}");
        assertThat(export.statusCode()).isEqualTo(403);
        assertThat(api.json(export).get("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(export.body()).doesNotContain("entries");
        assertThat(api.get("/api/audit/entries/0/proof", "operator", password, RunningApi.JUSTIFICATION)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminMayDoWhatAnAuditorMay() {
        HttpResponse<String> export = api.post("/api/audit/export", "admin", ExampleUsers.ADMIN_PASSWORD,
                RunningApi.JUSTIFICATION, "application/json", "{\"messageId\": \"PS-1\", \"to\": null}");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(api.json(export).get("entries")).hasSize(5);
    }

    @Test
    void withoutCredentialsTheAnswerIs401WithTheBasicChallenge() {
        HttpResponse<String> response = api.get("/api/audit/entries", null, null, RunningApi.JUSTIFICATION);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"xborder-audit\"");
        assertThat(api.json(response).get("error").asText()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        HttpResponse<String> wrongPassword = api.get("/api/audit/entries", "auditor", "not-the-password",
                RunningApi.JUSTIFICATION);
        HttpResponse<String> unknownUser = api.get("/api/audit/entries", "mallory", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION);

        for (HttpResponse<String> response : List.of(wrongPassword, unknownUser)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"xborder-audit\"");
            assertThat(api.json(response).get("error").asText()).isEqualTo("AUTHENTICATION_FAILED");
        }
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void credentialsInTheQueryStringAreNotCredentials() {
        String query = "Authorization=" + java.net.URLEncoder.encode(
                RunningApi.basic("auditor", ExampleUsers.AUDITOR_PASSWORD), StandardCharsets.UTF_8);

        HttpResponse<String> response = api.get("/api/audit/entries?" + query, null, null, RunningApi.JUSTIFICATION);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void responsesAreNotCachedAndNeverEchoTheCredentials() {
        HttpResponse<String> response = api.getAsAuditor("/api/audit/checkpoints");

        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Authorization")).isEmpty();
        assertThat(response.headers().firstValue(Justification.HEADER)).isEmpty();
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).startsWith("api-"));
    }

    @Test
    void healthAndMetricsNeedNoCredentialsAndShowNoAuditData() {
        HttpResponse<String> health = api.send(api.request("/observe/health", null, null, null).GET().build());
        HttpResponse<String> metrics = api.send(api.request("/observe/metrics", null, null, null).GET().build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
        for (HttpResponse<String> response : List.of(health, metrics)) {
            assertThat(response.body()).doesNotContain(RunningApi.EXCHANGE_DELIVERED, "PS-1", "OP-TIDE-7",
                    "police-scotland", "Case 2026");
        }
    }
}
