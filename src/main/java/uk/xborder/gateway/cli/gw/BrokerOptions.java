package uk.xborder.gateway.cli.gw;

import java.nio.file.Path;
import java.util.Arrays;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.broker.JmsConnections;
import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.Passwords;
import uk.xborder.gateway.cli.tool.ToolEnvironment;
import uk.xborder.gateway.cli.tool.ToolFailure;
import uk.xborder.gateway.crypto.Secret;

/** How a {@code gw} command reaches the gateway's broker, and as whom. */
final class BrokerOptions {

    static final String PASSWORD_VARIABLE = "GW_BROKER_PASSWORD";

    private final ToolEnvironment environment;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--broker", paramLabel = "URL",
            description = "The gateway's broker (default: ${DEFAULT-VALUE}, from the gateway's settings).")
    String url;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Log in to the broker as NAME (an agency logs in as itself). The password comes from "
                    + "--password-file, else $" + PASSWORD_VARIABLE + ", else it is asked at the terminal; "
                    + "never on the command line. Without --user the connection is anonymous, which the gateway's "
                    + "broker refuses.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file holding the broker password (trailing line breaks ignored).")
    Path passwordFile;

    BrokerOptions(ToolEnvironment environment) {
        this.environment = environment;
    }

    /** A connection, not yet started. */
    Connection connect() {
        if (user == null && passwordFile != null) {
            throw new ParameterException(command.commandLine(), "--password-file needs --user");
        }
        ActiveMQConnectionFactory factory;
        try {
            // deserializes nothing: the tool writes text and bytes bodies only
            factory = JmsConnections.connectionFactory(url);
        } catch (RuntimeException e) {
            throw new ParameterException(command.commandLine(), "--broker is not a broker URL such as "
                    + "tcp://127.0.0.1:61616");
        }
        // the factory is not closed: closing it would close the connection it made
        try {
            if (user == null) {
                return factory.createConnection();
            }
            Secret password = Passwords.find(user, passwordFile, PASSWORD_VARIABLE, "--password-file", environment);
            char[] chars = password.chars();
            try {
                return factory.createConnection(user, new String(chars));
            } finally {
                Arrays.fill(chars, '\0');
                password.destroy();
            }
        } catch (JMSSecurityException e) {
            throw new ToolFailure(ExitCode.AUTHENTICATION, "the broker at " + url + " refused the login"
                    + (user == null ? " (anonymous; give --user)" : " of " + user));
        } catch (JMSException e) {
            throw new ToolFailure(ExitCode.UNAVAILABLE, "cannot reach the broker at " + url);
        }
    }

    /** Any other broker error during the command, after the connection was made. */
    ToolFailure failed(JMSException e) {
        if (e instanceof JMSSecurityException) {
            return new ToolFailure(ExitCode.FORBIDDEN, "the broker refused " + (user == null ? "an anonymous user"
                    : user) + " this queue");
        }
        return new ToolFailure(ExitCode.UNAVAILABLE, "the broker at " + url + " failed: " + e.getMessage());
    }
}
