package uk.xborder.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.evidence.BundleVerifier;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.SentReport;

/**
 * The README's auditor session on the running gateway: find a message's trail over HTTP, export its evidence and
 * check it offline; the reading itself is on the record; an operator cannot export; no credentials, no answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorSessionTest {

    private static final String JUSTIFICATION = "Court order 2026/17: disclosures of Operation Kestrel";

    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final GatewayPerClass GATEWAY = GatewayPerClass.afterTheExampleReport();

    /** The exchange the auditor looks into. */
    private static SentReport report() {
        return GATEWAY.exampleReport();
    }

    @Test
    void anAuditorFindsTheMessageAndTheReadingIsRecorded() throws Exception {
        HttpResponse<String> found = get("/api/audit/entries?messageId=" + encode(report().messageId()), "auditor");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(report().exchangeId()).contains("\"DELIVERED\"").doesNotContain("NOMINAL");

        HttpResponse<String> trail = get("/api/audit/exchanges/" + report().exchangeId(), "auditor");
        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(trail.body()).contains("\"RECEIVED\"").contains("\"STATUS_ISSUED\"");

        List<LogEntry> consultations = GATEWAY.get().audit().log().search(new AuditQuery(null, null, null, null, null,
                AuditOperation.CONSULTATION, null, null, null, null, 0, 100)).items();
        assertThat(consultations).extracting(e -> e.event().actor()).contains("user:auditor");
        assertThat(consultations).extracting(e -> e.event().justification()).contains(JUSTIFICATION);
    }

    @Test
    void anAuditorExportsEvidenceThatVerifiesOffline() throws Exception {
        HttpResponse<byte[]> export = http.send(request("/api/audit/export", "auditor")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"exchangeId\": \"" + report().exchangeId() + "\"}"))
                .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);

        var root = RunningGateway.projectDirectory().resolve("certs-example/uk-root-ca");
        var report = BundleVerifier.trusting(Certificates.readCertificates(root.resolve("cert.pem")),
                Certificates.readCrls(root.resolve("crl.pem"))).verify(export.body());
        assertThat(report.ok()).isTrue();
        assertThat(report.entriesChecked()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void anOperatorMayLookButNotExport() throws Exception {
        assertThat(get("/api/audit/exchanges/" + report().exchangeId(), "operator").statusCode()).isEqualTo(200);
        HttpResponse<String> export = http.send(request("/api/audit/export", "operator")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"exchangeId\": \"" + report().exchangeId() + "\"}"))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(403);
    }

    @Test
    void withoutCredentialsOrAJustificationNothingIsRead() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create(GATEWAY.get().httpUrl() + "/api/audit/exchanges/" + report().exchangeId()))
                .header("X-Audit-Justification", JUSTIFICATION).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.body()).doesNotContain(report().exchangeId());

        HttpResponse<String> unjustified = http.send(HttpRequest.newBuilder(
                URI.create(GATEWAY.get().httpUrl() + "/api/audit/exchanges/" + report().exchangeId()))
                .header("Authorization", basic("auditor")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unjustified.statusCode()).isEqualTo(400);
        assertThat(unjustified.body()).doesNotContain(report().exchangeId());
    }

    @Test
    void healthAndMetricsNeedNoCredentials() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create(GATEWAY.get().httpUrl() + "/observe/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create(GATEWAY.get().httpUrl() + "/observe/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("gateway_audit_entries_appended").contains("gateway_audit_checkpoint_lag");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create(GATEWAY.get().httpUrl() + path))
                .header("Authorization", basic(user))
                .header("X-Audit-Justification", JUSTIFICATION);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":example-" + user + "-password").getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
