package uk.xborder.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.cli.tool.ToolEnvironment;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.ExampleBrokerUsers;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.StatusNotices;

/** The agency and operator client against the real gateway over its TCP acceptor, as an agency system connects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class GwCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void sendThenReceiveTheStatusNoticeAndTheEnvelopesPayload() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        Path report = Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .writeTo(dir.resolve("report.xml"));

        ToolRun sent = gwAs("police-scotland", "send", "police-scotland", report.toString());
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(sent.out()).startsWith("sent " + report + " to gw.agency.police-scotland.out as ID:");

        Path status = dir.resolve("status.xml");
        ToolRun received = gwAs("police-scotland", "receive", "gw.agency.police-scotland.status",
                status.toString(), "--timeout", "20");
        assertThat(received.exitCode()).as(received.toString()).isZero();
        assertThat(received.out()).contains("received ").contains("GwMessageId: " + messageId);
        StatusNotices.Notice notice = StatusNotices.parse(Files.readAllBytes(status));
        assertThat(notice.messageId()).isEqualTo(messageId);
        assertThat(notice.outcome()).isEqualTo("ACCEPTED");

        Path envelope = dir.resolve("envelope.xml");
        assertThat(gwAs("europol", "receive", "gw.partner.europol.out", envelope.toString(), "--timeout", "20")
                .exitCode()).isZero();
        Path der = dir.resolve("payload.der");
        ToolRun payload = ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of())), "payload",
                envelope.toString(), der.toString());
        assertThat(payload.exitCode()).as(payload.toString()).isZero();
        // DER SEQUENCE: the ContentInfo of the CMS AuthEnvelopedData
        assertThat(Files.readAllBytes(der)[0]).isEqualTo((byte) 0x30);
    }

    @Test
    void nothingOnTheQueueWithinTheTimeoutIsExitOne() throws Exception {
        // Nobody sends the NCA anything in these tests.
        ToolRun run = gwAs("nca", "receive", "gw.agency.nca.in", dir.resolve("none.xml").toString(),
                "--timeout", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("no message on gw.agency.nca.in within 1 s");
        assertThat(dir.resolve("none.xml")).doesNotExist();
    }

    @Test
    void unknownOptionsAndBadValuesAreRefusedWithExitTwo() {
        ToolRun unknown = gw("receive", "gw.agency.police-scotland.status", "x.xml", "--timout", "5");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option").contains("--timout").hasLineCount(1);

        ToolRun notANumber = gw("receive", "gw.agency.police-scotland.status", "x.xml", "--timeout", "soon");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--timeout").hasLineCount(1);

        ToolRun otherQueue = gw("send", "police-scotland.in.x", "x.xml");
        assertThat(otherQueue.exitCode()).isEqualTo(2);
        assertThat(otherQueue.err()).contains("AGENCY");

        ToolRun missingFile = gw("send", "police-scotland", dir.resolve("missing.xml").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).startsWith("error: cannot read ");
    }

    @Test
    void anUnreachableBrokerIsExitSix() throws Exception {
        Path report = Examples.policeScotlandReport().writeTo(dir.resolve("unsent.xml"));
        ToolRun run = ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of())), "send", "--broker",
                "tcp://127.0.0.1:1?initialConnectAttempts=1", "police-scotland", report.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(6);
        assertThat(run.err()).startsWith("error: cannot reach the broker at tcp://127.0.0.1:1").hasLineCount(1);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        ToolRun help = ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of())), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("send", "receive", "payload", "Exit codes:");
        ToolRun sendHelp = ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of())), "send", "--help");
        assertThat(sendHelp.out()).contains("--broker", "--user", "--password-file", "AGENCY", "FILE");
    }

    @Test
    void sendAndReceiveInAJvmOfTheirOwn() throws Exception {
        String messageId = Examples.uniqueId("NCA");
        Path report = Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                .writeTo(dir.resolve("own-jvm.xml"));

        Map<String, String> environment = Map.of("GW_BROKER_PASSWORD",
                ExampleBrokerUsers.password("police-scotland"));
        ToolRun sent = ToolRun.inAnotherJvm(GwCli.class, environment, "send", "--broker", GATEWAY.get().brokerUrl(),
                "police-scotland", report.toString(), "--user", "police-scotland");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();

        Path status = dir.resolve("own-jvm-status.xml");
        ToolRun received = ToolRun.inAnotherJvm(GwCli.class, environment, "receive", "--broker",
                GATEWAY.get().brokerUrl(), "--timeout", "20", "gw.agency.police-scotland.status", status.toString(),
                "--user", "police-scotland");
        assertThat(received.exitCode()).as(received.toString()).isZero();
        assertThat(StatusNotices.parse(Files.readAllBytes(status)).messageId()).isEqualTo(messageId);
    }

    @Test
    void withoutALoginTheBrokerRefusesTheToolWithExitThree() throws Exception {
        Path report = Examples.policeScotlandReport().writeTo(dir.resolve("anonymous.xml"));

        ToolRun anonymous = gw("send", "police-scotland", report.toString());
        assertThat(anonymous.exitCode()).as(anonymous.toString()).isEqualTo(3);
        assertThat(anonymous.err()).contains("refused the login (anonymous; give --user)").hasLineCount(1);

        Path wrong = Files.writeString(dir.resolve("wrong-password"), ExampleBrokerUsers.password("nca"));
        ToolRun wrongPassword = gw("send", "police-scotland", report.toString(), "--user", "police-scotland",
                "--password-file", wrong.toString());
        assertThat(wrongPassword.exitCode()).as(wrongPassword.toString()).isEqualTo(3);
        assertThat(wrongPassword.err()).contains("refused the login of police-scotland")
                .doesNotContain(ExampleBrokerUsers.password("nca"));
    }

    @Test
    void anAgencyLoggedInAsItselfIsRefusedAnotherAgencysQueueWithExitFour() throws Exception {
        Path report = Examples.policeScotlandReport().writeTo(dir.resolve("not-mine.xml"));

        ToolRun send = gwAs("nca", "send", "police-scotland", report.toString());
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(4);
        assertThat(send.err()).contains("the broker refused nca this queue");

        ToolRun read = gwAs("police-scotland", "receive", "gw.rejected", dir.resolve("x.xml").toString(),
                "--timeout", "1");
        assertThat(read.exitCode()).as(read.toString()).isEqualTo(4);
    }

    /** As {@link #gw}, logged in as the example user, its password in a file. */
    private ToolRun gwAs(String user, String... command) throws Exception {
        String[] args = new String[command.length + 4];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--user";
        args[command.length + 1] = user;
        args[command.length + 2] = "--password-file";
        args[command.length + 3] = ExampleBrokerUsers.passwordFile(dir, user).toString();
        return gw(args);
    }

    private ToolRun gw(String... command) {
        String[] args = new String[command.length + 2];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--broker";
        args[command.length + 1] = GATEWAY.get().brokerUrl();
        return ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of())), args);
    }
}
