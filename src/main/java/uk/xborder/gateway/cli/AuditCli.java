package uk.xborder.gateway.cli;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

import uk.xborder.gateway.cli.audit.ExportCommand;
import uk.xborder.gateway.cli.audit.ProofCommand;
import uk.xborder.gateway.cli.audit.SearchCommand;
import uk.xborder.gateway.cli.audit.TrailCommand;
import uk.xborder.gateway.cli.audit.VerifyBundleCommand;
import uk.xborder.gateway.cli.audit.VerifyLiveCommand;
import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.ToolCommandLine;
import uk.xborder.gateway.cli.tool.ToolEnvironment;

/**
 * {@code audit}, the auditor's tool. The live commands read the log through the gateway's API as the user who runs
 * them (their own credentials; the API records the reading with their name and justification before anything is
 * read), so the tool holds no key and opens no database. {@code verify} checks an exported bundle offline. Each
 * command is a class of package {@code cli.audit}; a new one is listed here.
 */
@Command(name = "audit", subcommands = {SearchCommand.class, TrailCommand.class, ExportCommand.class,
        ProofCommand.class, VerifyLiveCommand.class, VerifyBundleCommand.class, HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        description = {"The auditor's tool: search, trail, export, proof and verify-live read the gateway's audit "
                + "log through its API with your credentials and --justification, which are recorded with the "
                + "reading; verify checks an evidence bundle offline."})
public final class AuditCli {

    static final Map<String, String> EXIT_CODES = ExitCode.describe(
            ExitCode.OK, "done: entries found, bundle written, verified",
            ExitCode.NEGATIVE, "verification failed, or nothing found",
            ExitCode.USAGE, "bad command line: unknown command or option, missing or bad value, unusable file",
            ExitCode.AUTHENTICATION, "HTTP 401: wrong or missing credentials",
            ExitCode.FORBIDDEN, "HTTP 403: your role may not do this",
            ExitCode.REFUSED, "HTTP 400, 413, 415 or 429: the gateway refused the request (its error code says why; "
                    + "429: too many failed logins, wait as it says)",
            ExitCode.UNAVAILABLE, "the gateway could not be reached or could not answer (HTTP 5xx)",
            ExitCode.INTERNAL, "unexpected error (the message says what)");

    public static void main(String[] args) {
        System.exit(commandLine(ToolEnvironment.system()).execute(args));
    }

    /** The tool, ready to {@code execute}; defaults from the gateway's settings. */
    public static CommandLine commandLine(ToolEnvironment environment) {
        return ToolCommandLine.create(new AuditCli(), environment, CliDefaults.fromGatewaySettings(),
                EXIT_CODES);
    }
}
