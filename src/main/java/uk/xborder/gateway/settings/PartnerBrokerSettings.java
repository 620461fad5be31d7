package uk.xborder.gateway.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import uk.xborder.gateway.crypto.Secret;

/**
 * A partner's own broker, reached over a JMS connection of its own ({@code gateway.partner-brokers} names them;
 * {@code gateway.partner-broker.<name>.*} describes each). The gateway registers a JMS component under the broker's
 * name, so the partner directory can address queues on it: {@code endpoint: europol-broker:queue:europol.inbox}.
 *
 * @param name          the name of the broker's JMS component in the directory's endpoints
 * @param url           the broker's URL, e.g. {@code tcp://mq.partner.example:61616?sslEnabled=true}
 * @param user          the user the partner gave the gateway; empty for none
 * @param password      where that user's password is; required when a user is given
 * @param poolSize      JMS connections the gateway keeps open to the broker
 * @param partner       the directory partner whose broker it is: its envelopes arrive on the inbound queue, and
 *                      the receipts for them go to its receipt endpoint; required with an inbound queue
 * @param inboundQueue  where the partner leaves envelopes for the gateway; empty when it leaves none there
 * @param receiptsQueue where the partner leaves receipts for the gateway's envelopes; empty when it leaves none there
 */
public record PartnerBrokerSettings(String name, String url, String user, SecretSetting password, int poolSize,
                                    Optional<String> partner, Optional<String> inboundQueue,
                                    Optional<String> receiptsQueue) {

    public static final String LIST = "gateway.partner-brokers";
    public static final String PREFIX = "gateway.partner-broker.";

    // A URI scheme (the broker's component name), and a queue name that cannot carry endpoint options.
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    // The gateway's own broker's component.
    private static final String OWN_COMPONENT = "jms";

    static List<PartnerBrokerSettings> from(SettingsSource source) {
        List<PartnerBrokerSettings> brokers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : source.list(LIST)) {
            if (!NAME.matcher(name).matches()) {
                throw new SettingsException(LIST, "names '" + name + "': a broker name is lower-case letters, "
                        + "digits and dashes, starting with a letter (it is the scheme of the directory's endpoints)");
            }
            if (name.equals(OWN_COMPONENT)) {
                throw new SettingsException(LIST, "names '" + name + "', the gateway's own broker: choose another name");
            }
            if (!seen.add(name)) {
                throw new SettingsException(LIST, "names '" + name + "' twice");
            }
            brokers.add(from(source, name));
        }
        return List.copyOf(brokers);
    }

    private static PartnerBrokerSettings from(SettingsSource source, String name) {
        String prefix = PREFIX + name + ".";
        Optional<String> inbound = queue(source, prefix + "inbound-queue");
        Optional<String> partner = Optional.of(source.text(prefix + "partner")).filter(p -> !p.isEmpty());
        if (inbound.isPresent() && partner.isEmpty()) {
            throw new SettingsException(prefix + "partner", "must name the directory partner whose envelopes arrive "
                    + "on " + prefix + "inbound-queue (its receipts go to that partner's receipt endpoint)");
        }
        return new PartnerBrokerSettings(name,
                source.required(prefix + "url"),
                source.text(prefix + "user"),
                source.secret(prefix + "password"),
                source.integer(prefix + "pool-size", 2, 1),
                partner,
                inbound,
                queue(source, prefix + "receipts-queue"));
    }

    private static Optional<String> queue(SettingsSource source, String key) {
        String value = source.text(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!QUEUE.matcher(value).matches()) {
            throw new SettingsException(key, "must be a plain queue name (letters, digits, dots, dashes, underscores)");
        }
        return Optional.of(value);
    }

    /** The password for the broker's user: present when a user is given, read from where the settings name. */
    public Optional<Secret> credentials() {
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(password.require());
    }
}
