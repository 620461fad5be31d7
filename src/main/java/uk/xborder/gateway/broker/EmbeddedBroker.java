package uk.xborder.gateway.broker;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.settings.BrokerSettings;

/**
 * The embedded Artemis broker of the default installation: a persistent journal under the data directory, an in-VM
 * acceptor for the gateway itself and one TCP acceptor for agency systems on the loopback interface only.
 *
 * <p>Security is on: every connection logs in ({@link BrokerLogins}), every address has its permissions
 * ({@link BrokerPermissions}), and the broker stamps each message with the user who sent it
 * ({@code _AMQ_VALIDATED_USER}), which the outbound pipeline takes as the sender.
 *
 * <p>It is a Camel service so that it starts before the routes consume and stops after they have finished.
 */
public final class EmbeddedBroker extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** Where the broker parks what the gateway's consumers gave up on. */
    public static final String DEAD_LETTERS = "gw.dlq";
    /** Where it parks the dead letters the gateway cannot keep in its exchange store. */
    public static final String UNKEPT_DEAD_LETTERS = "gw.dlq.unkept";

    /** How long the broker trusts a login and a permission check it has made before making it again. */
    static final Duration SECURITY_CACHE_LIFETIME = Duration.ofHours(1);

    private final Path dataDirectory;
    private final BrokerSettings settings;
    private final BrokerPermissions permissions;
    private final BrokerLogins logins;
    private EmbeddedActiveMQ server;

    /**
     * @param settings    the in-VM id, the TCP acceptor, redelivery, memory (message bodies the broker holds in the
     *                    heap across all queues; beyond it, queues page to the journal directory: Artemis's default,
     *                    half the heap, would let queued messages fill it), the largest message a client may
     *                    send ({@link MessageSizeLimit}) and the users and roles files
     * @param permissions who may do what on which queue
     */
    public EmbeddedBroker(Path dataDirectory, BrokerSettings settings, BrokerPermissions permissions) {
        this.dataDirectory = dataDirectory;
        this.settings = settings;
        this.permissions = permissions;
        // Checked now, so that a bad users or roles file stops the gateway before anything starts.
        this.logins = new BrokerLogins(BrokerUsers.read(settings.embeddedUsers(), settings.embeddedRoles()));
    }

    /** The URL the gateway's own connection factory uses to reach this broker without a network hop. */
    public String inVmUrl() {
        return "vm://" + settings.inVmId();
    }

    /** The gateway's user on the in-VM connection. */
    public String gatewayUser() {
        return BrokerLogins.GATEWAY_USER;
    }

    /** Its password, made for this broker when it was created; a fresh copy each time, for the caller to destroy. */
    public Secret gatewayPassword() {
        return logins.gatewayPassword();
    }

    @Override
    protected void doStart() throws Exception {
        Path journal = dataDirectory.resolve("broker");
        Configuration config = new ConfigurationImpl()
                .setName("gateway-embedded")
                .setPersistenceEnabled(true)
                // libaio is not assumed to be present; NIO works everywhere.
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(journal.resolve("journal").toString())
                .setBindingsDirectory(journal.resolve("bindings").toString())
                .setLargeMessagesDirectory(journal.resolve("large-messages").toString())
                .setPagingDirectory(journal.resolve("paging").toString())
                // Duplicate detection ids survive a restart, so a resend after a crash is dropped, not delivered twice.
                .setGlobalMaxSize(settings.embeddedMaxMemoryBytes())
                .setPersistIDCache(true)
                .setIDCacheSize(100_000)
                .setSecurityEnabled(true)
                // The users, roles and permissions are read once at start (a change takes a restart), so a cached
                // login or permission cannot go stale. Artemis re-checks a user's password (bcrypt, tens of ms of
                // CPU) whenever its cached login expires and the user sends again: every 10 s per user by default.
                .setSecurityInvalidationInterval(SECURITY_CACHE_LIFETIME.toMillis())
                .setSecurityRoles(permissions.securitySettings())
                // Every message carries the user who sent it, set by the broker over anything the sender put there.
                .setPopulateValidatedUser(true)
                // Loopback only: agencies on this host connect over TCP; anything wider needs an external broker.
                .addAcceptorConfiguration("in-vm", inVmUrl())
                .addAcceptorConfiguration("agencies",
                        "tcp://" + settings.embeddedHost() + ":" + settings.embeddedPort() + "?protocols=CORE");
        for (String queue : permissions.queues()) {
            config.addAddressConfiguration(new CoreAddressConfiguration().setName(queue)
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST)));
        }
        config.addAddressSetting("#", new AddressSettings()
                // Creating a queue takes the create permissions, which only the gateway has: it creates those its
                // endpoints name beyond the ones declared above.
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                // A message the gateway cannot process even after retries is parked, never dropped.
                .setMaxDeliveryAttempts(settings.maxDeliveryAttempts())
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                // The gateway sets no expiry, but should a sender do so, expired messages are kept, not dropped.
                .setExpiryAddress(SimpleString.of("gw.expired"))
                .setAutoCreateDeadLetterResources(false));
        // gw.dlq is the gateway's intake of dead letters (routes/dead-letters.camel.yaml). A dead letter it cannot
        // keep in the exchange store (not text or bytes, too large) it rolls back on purpose, and after as many
        // attempts the broker parks it, untouched, on gw.dlq.unkept; should the intake itself keep failing (its
        // database down), the same happens after those attempts, the message still kept. Nothing leaves
        // gw.dlq.unkept but by an operator.
        config.addAddressSetting(DEAD_LETTERS, new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(UNKEPT_DEAD_LETTERS)));
        config.addAddressSetting(UNKEPT_DEAD_LETTERS, new AddressSettings()
                .setMaxDeliveryAttempts(-1));
        server = new EmbeddedActiveMQ().setConfiguration(config)
                .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), logins));
        server.createActiveMQServer();
        // Before the acceptors open, so that no client's message is ever queued unmeasured.
        server.getActiveMQServer().getServiceRegistry()
                .addIncomingInterceptor(new MessageSizeLimit(settings.embeddedMaxMessageBytes()));
        server.getActiveMQServer().start();
        LOG.info("Embedded broker started: journal {}, agencies connect to tcp://{}:{} as the users of {}, messages up "
                + "to {} bytes", journal, settings.embeddedHost(), settings.embeddedPort(), settings.embeddedUsers(),
                settings.embeddedMaxMessageBytes());
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
            LOG.info("Embedded broker stopped");
        }
    }
}
