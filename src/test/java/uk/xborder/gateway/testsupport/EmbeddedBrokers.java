package uk.xborder.gateway.testsupport;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import uk.xborder.gateway.broker.BrokerPermissions;
import uk.xborder.gateway.broker.EmbeddedBroker;
import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.settings.SecretSetting;

/** The gateway's embedded broker on its own, without the gateway, as the shipped configuration sets it up. */
public final class EmbeddedBrokers {

    private static final AtomicInteger IN_VM_IDS = new AtomicInteger(700);

    private EmbeddedBrokers() {
    }

    /**
     * A broker (not yet started) with the shipped partner directory's permissions and the shipped users and roles
     * files, its journal in {@code dataDirectory} and its TCP acceptor on loopback at {@code port}.
     */
    public static EmbeddedBroker shipped(Path dataDirectory, int port) {
        Path base = RunningGateway.projectDirectory();
        return create(dataDirectory, port, shippedDirectory(), base.resolve("config/broker-users.properties"),
                base.resolve("config/broker-roles.properties"));
    }

    public static EmbeddedBroker create(Path dataDirectory, int port, PartyDirectory directory, Path users,
                                        Path roles) {
        BrokerSettings settings = new BrokerSettings(true, "vm://" + IN_VM_IDS.incrementAndGet(), "",
                SecretSetting.none("gateway.broker.password"), "127.0.0.1", port, 10, 1, 16L << 20, 32L << 20, users,
                roles, true);
        return new EmbeddedBroker(dataDirectory, settings, BrokerPermissions.of(directory));
    }

    /** The shipped directory, read without the gateway's format and marking checks. */
    public static PartyDirectory shippedDirectory() {
        return directory(RunningGateway.projectDirectory().resolve("config/directory.yaml"));
    }

    public static PartyDirectory directory(Path file) {
        return new PartyDirectoryLoader(format -> true, (scheme, level) -> true).load(file);
    }

    /** A connection (not started) as the gateway's own user, over the in-VM acceptor. */
    public static Connection asGateway(EmbeddedBroker broker) throws JMSException {
        Secret password = broker.gatewayPassword();
        try {
            return new ActiveMQConnectionFactory(broker.inVmUrl())
                    .createConnection(broker.gatewayUser(), new String(password.chars()));
        } finally {
            password.destroy();
        }
    }
}
