package uk.xborder.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.cli.tool.ToolEnvironment;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.SentReport;

/**
 * The auditor's tool against the real gateway: the live commands go through the API with the user's own
 * credentials, so the reading is on the record under their name; a wrong command line sends nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class AuditCliTest {

    private static final String JUSTIFICATION = "Court order 2026/17: disclosures of Operation Kestrel";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    static final GatewayPerClass GATEWAY = GatewayPerClass.afterTheExampleReport();

    /** The exchange the auditor looks into. */
    private static SentReport report() {
        return GATEWAY.exampleReport();
    }

    @Test
    void searchFindsTheMessageAndTheReadingIsOnRecordAsTheUser() throws Exception {
        ToolRun run = audit("auditor", "search", "--message-id", report().messageId());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode page = JSON.readTree(run.out());
        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(13);
        assertThat(page.path("entries")).allSatisfy(e -> assertThat(e.path("exchangeId").asText())
                .isEqualTo(report().exchangeId()));
        assertThat(run.err()).contains("matching entries");

        AuditEvent reading = lastConsultation();
        assertThat(reading.actor()).isEqualTo("user:auditor");
        assertThat(reading.step()).isEqualTo("API_SEARCH");
        assertThat(reading.justification()).isEqualTo(JUSTIFICATION);
        assertThat(reading.explanation()).contains("messageId=" + report().messageId());
    }

    @Test
    void trailListsTheExchangeInOrder() throws Exception {
        ToolRun run = audit("operator", "trail", report().exchangeId());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> steps = JSON.readTree(run.out()).path("entries").findValuesAsText("step");
        assertThat(steps).containsSubsequence("RECEIVED", "RELEASED", "DELIVERED", "STATUS_ISSUED");
        assertThat(lastConsultation().actor()).isEqualTo("user:operator");
        assertThat(lastConsultation().step()).isEqualTo("API_TRAIL");
    }

    @Test
    void anUnknownExchangeIsNothingFound() {
        ToolRun run = audit("auditor", "trail", "no-such-exchange");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("UNKNOWN_EXCHANGE");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheApisCode() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-auditor-password\n");
        ToolRun run = ToolRun.of(AuditCli.commandLine(ToolEnvironment.of(Map.of())), "search",
                "--gateway", GATEWAY.get().httpUrl(), "--user", "auditor", "--password-file", wrong.toString(),
                "--justification", JUSTIFICATION);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: AUTHENTICATION_FAILED: ").contains("HTTP 401")
                .doesNotContain("not-the-auditor-password").doesNotContain("Exception").hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anOperatorMayNotExport() {
        Path bundle = dir.resolve("operator-evidence.json");
        ToolRun run = audit("operator", "export", "--exchange-id", report().exchangeId(), "--out", bundle.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).startsWith("error: FORBIDDEN: ");
        assertThat(bundle).doesNotExist();
    }

    @Test
    void anAuditorExportsEvidenceThatVerifiesOffline() {
        Path bundle = dir.resolve("evidence.json");
        ToolRun export = audit("auditor", "export", "--exchange-id", report().exchangeId(), "--out", bundle.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(lastConsultation().step()).isEqualTo("API_EXPORT");

        Path ca = RunningGateway.projectDirectory().resolve("certs-example/uk-root-ca");
        ToolRun verify = ToolRun.of(AuditCli.commandLine(ToolEnvironment.of(Map.of())), "verify",
                bundle.toString(), "--trust", ca.resolve("cert.pem").toString(),
                "--crl", ca.resolve("crl.pem").toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).startsWith("VERIFIED " + bundle);
    }

    @Test
    void proofAndLiveVerification() throws Exception {
        ToolRun proof = audit("auditor", "proof", "0");
        assertThat(proof.exitCode()).as(proof.toString()).isZero();
        JsonNode document = JSON.readTree(proof.out());
        assertThat(document.path("seq").asLong()).isZero();
        assertThat(document.path("checkpoint").path("signature").asText()).isNotEmpty();

        ToolRun live = audit("auditor", "verify-live");
        assertThat(live.exitCode()).as(live.toString()).isZero();
        assertThat(JSON.readTree(live.out()).path("ok").asBoolean()).isTrue();
        assertThat(live.err()).startsWith("VERIFIED live log: ");
    }

    @Test
    void aMistypedOrBadOptionIsRefusedAndNothingIsSent() {
        long before = consultations().size();

        ToolRun mistyped = audit("auditor", "search", "--mesage-id", report().messageId());
        assertThat(mistyped.exitCode()).isEqualTo(2);
        assertThat(mistyped.err()).contains("Unknown option").contains("--mesage-id").hasLineCount(1);

        ToolRun badValue = audit("auditor", "search", "--outcome", "MAYBE");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err()).contains("--outcome").hasLineCount(1);

        ToolRun backwards = audit("auditor", "search", "--from", "2026-02-01T00:00:00Z", "--to",
                "2026-01-01T00:00:00Z");
        assertThat(backwards.exitCode()).isEqualTo(2);

        ToolRun unjustified = ToolRun.of(AuditCli.commandLine(environment()), "search", "--gateway",
                GATEWAY.get().httpUrl(), "--user", "auditor");
        assertThat(unjustified.exitCode()).isEqualTo(2);
        assertThat(unjustified.err()).contains("--justification");

        assertThat(consultations()).as("no request reached the API").hasSize((int) before);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        ToolRun help = ToolRun.of(AuditCli.commandLine(environment()), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("search", "trail", "export", "proof", "verify-live", "verify")
                .contains("Exit codes:").contains("HTTP 401").contains("HTTP 403");
        ToolRun searchHelp = ToolRun.of(AuditCli.commandLine(environment()), "search", "--help");
        assertThat(searchHelp.exitCode()).isZero();
        assertThat(searchHelp.out()).contains("--message-id", "--case-reference", "--limit", "--justification");
    }

    @Test
    void searchInAJvmOfItsOwnWithThePasswordFromTheEnvironment() throws Exception {
        ToolRun run = ToolRun.inAnotherJvm(AuditCli.class, Map.of("GATEWAY_API_PASSWORD",
                "example-auditor-password"), "search", "--gateway", GATEWAY.get().httpUrl(), "--user", "auditor",
                "--justification", JUSTIFICATION, "--message-id", report().messageId(), "--limit", "3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode page = JSON.readTree(run.out());
        assertThat(page.path("entries")).hasSize(3);
        assertThat(page.path("entries").get(0).path("messageId").asText()).isEqualTo(report().messageId());
        assertThat(run.err()).doesNotContain("example-auditor-password");
    }

    /** Runs {@code audit COMMAND ... --gateway URL --user USER --justification ...} with USER's example password. */
    private ToolRun audit(String user, String... command) {
        String[] args = new String[command.length + 6];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(new String[] {"--gateway", GATEWAY.get().httpUrl(), "--user", user, "--justification",
                JUSTIFICATION}, 0, args, command.length, 6);
        return ToolRun.of(AuditCli.commandLine(ToolEnvironment.of(Map.of("GATEWAY_API_PASSWORD",
                "example-" + user + "-password"))), args);
    }

    private ToolEnvironment environment() {
        return ToolEnvironment.of(Map.of("GATEWAY_API_PASSWORD", "example-auditor-password"));
    }

    private List<AuditEvent> consultations() {
        return GATEWAY.get().audit().log().search(new AuditQuery(null, null, null, null, null,
                AuditOperation.CONSULTATION, null, null, null, null, 0, AuditQuery.MAX_LIMIT)).items().stream()
                .map(LogEntry::event).toList();
    }

    private AuditEvent lastConsultation() {
        List<AuditEvent> all = consultations();
        assertThat(all).as("consultations on record").isNotEmpty();
        return all.get(all.size() - 1);
    }
}
