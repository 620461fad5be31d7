package uk.xborder.gateway.settings;

import java.nio.file.Path;
import java.util.Optional;

import uk.xborder.gateway.crypto.Secret;

/**
 * The broker the gateway consumes from and delivers to ({@code gateway.broker.*}).
 *
 * @param embedded            run the embedded Artemis broker (journal under the data directory)
 * @param url                 the gateway's own connection: {@code vm://N} to the embedded broker, or an external
 *                            broker's URL
 * @param user                the gateway's broker user; empty for none (the embedded default)
 * @param password            where that user's password is; required when a user is given
 * @param embeddedHost        the embedded broker's TCP acceptor for agency systems
 * @param embeddedPort        ... and its port
 * @param maxDeliveryAttempts deliveries of one message before the broker parks it on {@code gw.dlq}
 * @param poolSize            JMS connections the gateway keeps open to the broker
 * @param embeddedMaxMemoryBytes message bodies the embedded broker keeps in the heap before it pages queues to disk
 * @param embeddedMaxMessageBytes the embedded broker refuses, at the send, any message from a client whose encoded
 *                            size (body as the client encodes it, headers and properties) is larger
 * @param embeddedUsers       the embedded broker's users: one per agency, partner or operator, with a bcrypt hash
 * @param embeddedRoles       which of those users has which role ({@code agency-<id>}, {@code partner-<id>},
 *                            {@code operator})
 * @param validatedUserRequired refuse a message on an agency queue that the broker did not stamp with the user who
 *                            sent it; false only for an external broker that does not (see application.properties)
 */
public record BrokerSettings(boolean embedded, String url, String user, SecretSetting password, String embeddedHost,
                             int embeddedPort, int maxDeliveryAttempts, int poolSize,
                             long embeddedMaxMemoryBytes, long embeddedMaxMessageBytes, Path embeddedUsers,
                             Path embeddedRoles, boolean validatedUserRequired) {

    public static final String EMBEDDED_USERS = "gateway.broker.embedded.users";
    public static final String EMBEDDED_ROLES = "gateway.broker.embedded.roles";
    public static final String EMBEDDED_MAX_MESSAGE_BYTES = "gateway.broker.embedded.max-message-bytes";

    static BrokerSettings from(SettingsSource source) {
        return new BrokerSettings(
                source.flag("gateway.broker.embedded", true),
                source.required("gateway.broker.url"),
                source.text("gateway.broker.user"),
                source.secret("gateway.broker.password"),
                source.required("gateway.broker.embedded.host"),
                source.integer("gateway.broker.embedded.port", 61616, 1),
                source.integer("gateway.broker.max-delivery-attempts", 10, 1),
                source.integer("gateway.broker.pool-size", 4, 1),
                source.number("gateway.broker.embedded.max-memory-mb", 64, 1) * 1024 * 1024,
                source.number(EMBEDDED_MAX_MESSAGE_BYTES, 32L * 1024 * 1024, 64 * 1024),
                source.path(EMBEDDED_USERS),
                source.path(EMBEDDED_ROLES),
                source.flag("gateway.broker.validated-user-required", true));
    }

    /** The in-VM acceptor id of the embedded broker, taken from a {@code vm://N} URL. */
    public String inVmId() {
        return url.startsWith("vm://") ? url.substring("vm://".length()) : "0";
    }

    /**
     * The URL agency systems (and the {@code gw} client) use: the embedded broker's TCP acceptor, or the external
     * broker's URL.
     */
    public String agencyUrl() {
        return embedded ? "tcp://" + embeddedHost + ":" + embeddedPort : url;
    }

    /** The gateway's broker password: present when a user is given, read from where the settings name. */
    public Optional<Secret> credentials() {
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(password.require());
    }
}
