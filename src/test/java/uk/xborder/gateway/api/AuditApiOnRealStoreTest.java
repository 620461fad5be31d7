package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.evidence.BundleVerifier;
import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.merkle.InclusionProofVerifier;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.audit.verify.VerificationReport;

/**
 * The API as the gateway will run it: on the real store (H2 in file mode), with checkpoints signed by the example
 * audit key, the real evidence exporter and live verifier. What an auditor downloads verifies offline, and what the
 * API says about checkpoints and proofs checks out without trusting the server.
 */
class AuditApiOnRealStoreTest {

    @TempDir
    static Path dataDir;

    private static JdbcAuditLog log;
    private static RunningApi api;
    private static CheckpointVerifier checkpoints;

    @BeforeAll
    static void start() throws Exception {
        Clock clock = Clock.systemUTC();
        // checkpoints only when asked (the exporter and the proof endpoint ask), so the test sees each one made
        AuditStoreSettings settings = AuditStoreSettings.embedded(dataDir).withCheckpoints(1_000_000,
                Duration.ofHours(1));
        log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit"), clock),
                new SimpleMeterRegistry(), clock);
        checkpoints = CheckpointVerifier.create(AuditPki.certificate("audit"), List.of(),
                AuditPki.trusting("uk-root-ca"));
        EvidenceExporter exporter = new EvidenceExporter(log, clock, List.of(AuditPki.certificate("audit")));
        api = RunningApi.start(log, EvidenceExport.of(exporter, clock),
                LiveVerification.of(new LogVerifier(log, checkpoints)));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        log.close();
    }

    @Test
    void anExportedBundleVerifiesOfflineAndItsExportIsInTheLog() throws Exception {
        HttpResponse<String> response = api.post("/api/audit/export", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, "application/json", "{\"caseReference\": \"OP-TIDE-7\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).matches("attachment; filename=\"evidence-\\d{8}T\\d{6}Z\\.json\""));
        BundleVerifier offline = BundleVerifier.trusting(List.of(AuditPki.certificate("uk-root-ca")),
                AuditPki.crls("uk-root-ca"));
        VerificationReport report = offline.verify(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(5);

        AuditEvent export = api.consultations().stream().filter(e -> e.step().equals("API_EXPORT")).findFirst()
                .orElseThrow();
        assertThat(export.actor()).isEqualTo("user:auditor");
        assertThat(export.justification()).isEqualTo(RunningApi.JUSTIFICATION);
        assertThat(export.explanation()).isEqualTo("criteria: caseReference=OP-TIDE-7");
    }

    @Test
    void aProofAndItsCheckpointCheckOutWithoutTrustingTheServer() throws Exception {
        HttpResponse<String> response = api.getAsAuditor("/api/audit/entries/3/proof");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode proof = api.json(response);
        JsonNode view = proof.get("checkpoint");
        HexFormat hex = HexFormat.of();
        Checkpoint checkpoint = new Checkpoint(view.get("treeSize").asLong(), hex.parseHex(view.get("rootHash")
                .asText()), Instant.parse(view.get("time").asText()), view.get("keyId").asText());
        SignedCheckpoint signed = new SignedCheckpoint(checkpoint,
                Base64.getDecoder().decode(view.get("signature").asText()));
        checkpoints.verify(signed);
        assertThat(view.get("signedText").asText()).startsWith("xborder-gateway audit checkpoint v1\n");

        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(node -> path.add(hex.parseHex(node.asText())));
        byte[] leaf = MerkleHash.leaf(proof.get("canonicalEntry").asText().getBytes(StandardCharsets.UTF_8));
        InclusionProofVerifier.verify(leaf, new InclusionProof(3, checkpoint.treeSize(), path),
                checkpoint.rootHash());
    }

    @Test
    void theLiveVerificationReportsAnIntactLog() {
        HttpResponse<String> response = api.post("/api/audit/verify", "admin", ExampleUsers.ADMIN_PASSWORD,
                RunningApi.JUSTIFICATION, null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = api.json(response);
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("summary").asText()).startsWith("OK");
        assertThat(report.get("entriesChecked").asLong()).isPositive();
    }

    @Test
    void consultationsAreSearchableThroughTheApiItself() {
        api.get("/api/audit/exchanges/" + RunningApi.EXCHANGE_REJECTED, "operator", ExampleUsers.OPERATOR_PASSWORD,
                "Finding why NCA-9 was rejected");

        HttpResponse<String> response = api.getAsAuditor("/api/audit/entries?operation=consultation&limit=1000");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> justifications = api.json(response).get("entries").findValuesAsText("justification");
        assertThat(justifications).contains("Finding why NCA-9 was rejected");
        assertThat(api.json(response).get("entries").findValuesAsText("operation"))
                .containsOnly(AuditOperation.CONSULTATION.name());
    }
}
