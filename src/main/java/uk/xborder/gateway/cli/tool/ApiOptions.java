package uk.xborder.gateway.cli.tool;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.crypto.Secret;

/**
 * Where and as whom a command reads through the gateway's API (a live {@code audit} command, {@code gw requests}):
 * the API's URL, the user's own credentials and the justification that goes on the record with them.
 */
public final class ApiOptions {

    static final String USER_VARIABLE = "GATEWAY_API_USER";
    static final String PASSWORD_VARIABLE = "GATEWAY_API_PASSWORD";
    /** The API's limit on a justification. */
    private static final int MAX_JUSTIFICATION = 500;

    private final ToolEnvironment environment;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--gateway", paramLabel = "URL",
            description = "The gateway's API (default: ${DEFAULT-VALUE}, from the gateway's settings).")
    URI gateway;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Your API user (default: $" + USER_VARIABLE + "). The password comes from --password-file, "
                    + "else $" + PASSWORD_VARIABLE + ", else it is asked at the terminal; never on the command line.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file holding your API password (trailing line breaks ignored).")
    Path passwordFile;

    @Option(names = "--gateway-trust", paramLabel = "FILE", split = ",",
            description = "CA certificates (PEM) to trust for the gateway's TLS certificate when --gateway is https "
                    + "(default: ${DEFAULT-VALUE}, from gateway.api.trust; none: the JVM's trust store).")
    List<Path> trust;

    @Option(names = "--justification", paramLabel = "TEXT", required = true,
            description = "Why you are reading; recorded in the audit log with your name before anything is read.")
    String justification;

    public ApiOptions(ToolEnvironment environment) {
        this.environment = environment;
    }

    /** Refuses, before any request, what the API would refuse; nothing is sent for a wrong command line. */
    public void check() {
        if (justification.isBlank() || justification.length() > MAX_JUSTIFICATION
                || justification.chars().anyMatch(Character::isISOControl)) {
            throw refused("--justification must be plain text of 1 to " + MAX_JUSTIFICATION + " characters");
        }
        String scheme = gateway.getScheme();
        if (gateway.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw refused("--gateway must be an http or https URL such as http://127.0.0.1:8080");
        }
        if ("http".equals(scheme) && !isLoopback(gateway.getHost())) {
            throw refused("--gateway must be https beyond the loopback: your password goes with every request");
        }
        if (name() == null) {
            throw refused("say who you are with --user NAME or $" + USER_VARIABLE);
        }
    }

    /** The client, with the user's password (asked for now if it must be). */
    public ApiClient client() {
        check();
        Secret password = Passwords.find(name(), passwordFile, PASSWORD_VARIABLE, "--password-file", environment);
        try {
            return new ApiClient(gateway, name(), password, justification, trust == null ? List.of() : trust);
        } finally {
            password.destroy();
        }
    }

    public ParameterException refused(String sentence) {
        return new ParameterException(command.commandLine(), sentence);
    }

    // Literal loopback addresses and localhost; any other name may resolve anywhere.
    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("[::1]") || h.equals("::1");
    }

    private String name() {
        return user != null ? user : environment.variable(USER_VARIABLE);
    }
}
