package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.audit.verify.LogVerifier;

/**
 * Someone edits a row of the real store (H2 in file mode) behind the gateway's back; the API's live verification, the
 * production verifier end to end, names that entry in a 200 report instead of failing.
 */
class AuditApiTamperedLogTest {

    @TempDir
    Path dataDir;

    private AuditStoreSettings settings;
    private JdbcAuditLog log;
    private RunningApi api;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        settings = AuditStoreSettings.embedded(dataDir).withCheckpoints(1_000_000, Duration.ofHours(1));
        log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit"), clock),
                new SimpleMeterRegistry(), clock);
        CheckpointVerifier checkpoints = CheckpointVerifier.create(AuditPki.certificate("audit"), List.of(),
                AuditPki.trusting("uk-root-ca"));
        EvidenceExporter exporter = new EvidenceExporter(log, clock, List.of(AuditPki.certificate("audit")));
        // Seeds seven entries (0-6) and signs a checkpoint of them.
        api = RunningApi.start(log, EvidenceExport.of(exporter, clock),
                LiveVerification.of(new LogVerifier(log, checkpoints)));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        log.close();
    }

    @Test
    void anOutcomeEditedToAnUnknownCodeIsNamedByTheVerifyEndpoint() throws Exception {
        sql("UPDATE audit_entry SET outcome = 'WAIVED_BY_ADMIN' WHERE seq = 2");

        JsonNode report = verify();

        assertThat(report.get("failure").asText()).isEqualTo("ENTRY_ALTERED");
        assertThat(report.get("problem").asText()).startsWith("Entry 2 was altered");
    }

    @Test
    void aRowThatIsNoLongerAnEntryIsNamedByTheVerifyEndpoint() throws Exception {
        sql("ALTER TABLE audit_entry ALTER COLUMN exchange_id DROP NOT NULL");
        sql("UPDATE audit_entry SET exchange_id = NULL WHERE seq = 4");

        JsonNode report = verify();

        assertThat(report.get("failure").asText()).isEqualTo("ENTRY_ALTERED");
        assertThat(report.get("problem").asText()).startsWith("Entry 4 was altered")
                .contains("can no longer be read");
        assertThat(report.get("entriesChecked").asLong()).isEqualTo(4);
    }

    private JsonNode verify() {
        HttpResponse<String> response = api.post("/api/audit/verify", "auditor", ExampleUsers.AUDITOR_PASSWORD,
                RunningApi.JUSTIFICATION, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = api.json(response);
        assertThat(report.get("ok").asBoolean()).isFalse();
        return report;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), null, null);
             Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
