package uk.xborder.gateway.cli;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

import uk.xborder.gateway.cli.gw.ExchangesCommand;
import uk.xborder.gateway.cli.gw.PayloadCommand;
import uk.xborder.gateway.cli.gw.ReceiveCommand;
import uk.xborder.gateway.cli.gw.RequestsCommand;
import uk.xborder.gateway.cli.gw.SendCommand;
import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.ToolCommandLine;
import uk.xborder.gateway.cli.tool.ToolEnvironment;

/**
 * {@code gw}, the client of agencies and operators: put a message on an agency queue, take one off any queue, open an
 * envelope's payload, list the requests for information awaiting a reply (through the API, with the user's own
 * credentials, as {@code audit} reads). Each command is a class of package {@code cli.gw}; a new one is listed here.
 */
@Command(name = "gw", subcommands = {SendCommand.class, ReceiveCommand.class, PayloadCommand.class,
        RequestsCommand.class, ExchangesCommand.class, HelpCommand.class}, synopsisSubcommandLabel = "COMMAND",
        description = "The gateway's client for agency systems and operators.")
public final class GwCli {

    static final Map<String, String> EXIT_CODES = ExitCode.describe(
            ExitCode.OK, "done",
            ExitCode.NEGATIVE, "nothing to report: no message within the timeout, no payload in the envelope, "
                    + "no such request",
            ExitCode.USAGE, "bad command line: unknown command or option, missing or bad value, unusable file",
            ExitCode.AUTHENTICATION, "the broker refused the login, or the API the credentials (HTTP 401)",
            ExitCode.FORBIDDEN, "the broker refused this user the queue, or the API this role (HTTP 403)",
            ExitCode.REFUSED, "the API refused the request (HTTP 400, 409 or 429; its error code says why), or an "
                    + "exchange was not replayed or discarded",
            ExitCode.UNAVAILABLE, "the broker or the gateway's API could not be reached",
            ExitCode.INTERNAL, "unexpected error (the message says what)");

    public static void main(String[] args) {
        System.exit(commandLine(ToolEnvironment.system()).execute(args));
    }

    /** The tool, ready to {@code execute}; settings from the gateway's configuration. */
    public static CommandLine commandLine(ToolEnvironment environment) {
        return ToolCommandLine.create(new GwCli(), environment, CliDefaults.fromGatewaySettings(), EXIT_CODES);
    }
}
