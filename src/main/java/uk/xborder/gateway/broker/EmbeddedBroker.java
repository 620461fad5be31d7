package uk.xborder.gateway.broker;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Artemis broker of the default installation: a persistent journal under the data directory, an in-VM
 * acceptor for the gateway itself and one TCP acceptor for agency systems on the loopback interface only.
 *
 * <p>It is a Camel service so that it starts before the routes consume and stops after they have finished.
 */
public final class EmbeddedBroker extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Path dataDirectory;
    private final String inVmId;
    private final String tcpHost;
    private final int tcpPort;
    private final int maxDeliveryAttempts;
    private final long maxMemoryBytes;
    private EmbeddedActiveMQ server;

    /**
     * @param maxMemoryBytes message bodies the broker holds in the heap across all queues; beyond it, queues page to
     *                       the journal directory (Artemis's default, half the heap, would let queued messages fill it)
     */
    public EmbeddedBroker(Path dataDirectory, String inVmId, String tcpHost, int tcpPort, int maxDeliveryAttempts,
                          long maxMemoryBytes) {
        this.dataDirectory = dataDirectory;
        this.inVmId = inVmId;
        this.tcpHost = tcpHost;
        this.tcpPort = tcpPort;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.maxMemoryBytes = maxMemoryBytes;
    }

    /** The URL the gateway's own connection factory uses to reach this broker without a network hop. */
    public String inVmUrl() {
        return "vm://" + inVmId;
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
                .setGlobalMaxSize(maxMemoryBytes)
                .setPersistIDCache(true)
                .setIDCacheSize(100_000)
                // Loopback only: agencies on this host connect over TCP; anything wider needs an external broker.
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://" + inVmId)
                .addAcceptorConfiguration("agencies", "tcp://" + tcpHost + ":" + tcpPort + "?protocols=CORE");
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                // A message the gateway cannot process even after retries is parked, never dropped.
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000)
                .setDeadLetterAddress(SimpleString.of("gw.dlq"))
                // The gateway sets no expiry, but should a sender do so, expired messages are kept, not dropped.
                .setExpiryAddress(SimpleString.of("gw.expired"))
                .setAutoCreateDeadLetterResources(false));
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        LOG.info("Embedded broker started: journal {}, agencies connect to tcp://{}:{}", journal, tcpHost, tcpPort);
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
