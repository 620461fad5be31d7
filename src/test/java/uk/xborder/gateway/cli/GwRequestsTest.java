package uk.xborder.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.cli.tool.ToolEnvironment;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * {@code gw requests} against the real gateway, on a clock the test moves: it lists the open requests for information
 * as a table or as the API's JSON, the overdue ones once their due time has passed, says so with exit 1 when there are
 * none, and reads through the API with the user's own credentials and justification, as {@code audit} does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GwRequestsTest {

    private static final String JUSTIFICATION = "Duty officer: replies due to Europol this shift";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private RunningGateway gateway;
    private String messageId;
    private Instant sentAt;

    @TempDir
    Path dir;

    @BeforeAll
    void startAndSendARequest() throws Exception {
        gateway = RunningGateway.start(Map.of(), Map.of("clock", clock));
        messageId = Examples.uniqueId("PS-RFI");
        sentAt = clock.instant();
        String transportId = gateway.send("police-scotland", new Examples(
                Examples.read("police-scotland/valid/ps-rfi-urgent-direct-europol.xml"))
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        Message status = gateway.receive("gw.agency.police-scotland.status",
                "GwTransportMessageId = '" + transportId + "'", 20_000);
        assertThat(status).as("status notice").isNotNull();
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void theOpenRequestsAreATableWithTheirDueTimes() {
        ToolRun run = gw("operator", "requests");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .startsWith("DIRECTION").contains("MESSAGE ID", "REQUESTED PARTY", "DUE", "TIME LIMIT", "STATE");
        assertThat(run.out()).containsPattern("OUTBOUND +" + messageId + " +police-scotland +europol +police-scotland +"
                + sentAt + " +" + sentAt.plus(Duration.ofHours(8)) + " +URGENT_DIRECT +(open|OVERDUE)");
        assertThat(run.out()).contains("# 1 of 1 open requests (offset 0); open: inbound 0, outbound 1");
        assertThat(gateway.audit().log().search(new uk.xborder.gateway.audit.log.AuditQuery(null, null, null, null,
                null, uk.xborder.gateway.audit.AuditOperation.CONSULTATION, null, null, null, null, 0, 1000)).items())
                .anySatisfy(entry -> {
                    assertThat(entry.event().step()).isEqualTo("API_REQUESTS");
                    assertThat(entry.event().actor()).isEqualTo("user:operator");
                    assertThat(entry.event().justification()).isEqualTo(JUSTIFICATION);
                });
    }

    @Test
    void pastTheDueTimeTheRequestIsListedOverdueAndAsJson() throws Exception {
        clock.set(sentAt.plus(Duration.ofHours(9)));

        ToolRun table = gw("auditor", "requests", "--state", "overdue", "--direction", "outbound");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).containsPattern(messageId + " .* OVERDUE");
        assertThat(table.out()).contains("# 1 of 1 overdue requests").contains("overdue: inbound 0, outbound 1");

        ToolRun json = gw("operator", "requests", "--state", "OVERDUE", "--json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode answer = JSON.readTree(json.out());
        assertThat(answer.path("state").asText()).isEqualTo("OVERDUE");
        assertThat(answer.path("requests").get(0).path("messageId").asText()).isEqualTo(messageId);
        assertThat(answer.path("requests").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(json.err()).startsWith("# 1 of 1 overdue requests");
    }

    @Test
    void noneIsExitOne() {
        ToolRun run = gw("operator", "requests", "--direction", "inbound");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("# 0 of 0 open requests");
    }

    @Test
    void theCredentialsAndTheCommandLineAreCheckedAsAuditChecksThem() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-operator-password\n");
        ToolRun refused = ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of())), "requests",
                "--gateway", gateway.httpUrl(), "--user", "operator", "--password-file", wrong.toString(),
                "--justification", JUSTIFICATION);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err()).startsWith("error: AUTHENTICATION_FAILED: ").doesNotContain("not-the-operator");

        ToolRun unjustified = ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of())), "requests",
                "--gateway", gateway.httpUrl(), "--user", "operator");
        assertThat(unjustified.exitCode()).isEqualTo(2);
        assertThat(unjustified.err()).contains("--justification");

        ToolRun badState = gw("operator", "requests", "--state", "late");
        assertThat(badState.exitCode()).isEqualTo(2);
        assertThat(badState.err()).contains("--state").hasLineCount(1);

        ToolRun badLimit = gw("operator", "requests", "--limit", "0");
        assertThat(badLimit.exitCode()).isEqualTo(2);
        assertThat(badLimit.err()).contains("--limit");
    }

    @Test
    void helpNamesTheCommandAndItsOptions() {
        ToolRun help = ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of())), "requests", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--state", "--direction", "--json", "--gateway", "--user",
                "--password-file", "--justification", "Art. 5", "Exit codes:");
    }

    private ToolRun gw(String user, String... command) {
        String[] args = new String[command.length + 6];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(new String[] {"--gateway", gateway.httpUrl(), "--user", user, "--justification",
                JUSTIFICATION}, 0, args, command.length, 6);
        return ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of("GATEWAY_API_PASSWORD",
                "example-" + user + "-password"))), args);
    }
}
