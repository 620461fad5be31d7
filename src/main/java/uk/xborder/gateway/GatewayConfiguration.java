package uk.xborder.gateway;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

import uk.xborder.gateway.api.RequestsApi;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.broker.EmbeddedBroker;
import uk.xborder.gateway.crypto.CmsEncryptor;
import uk.xborder.gateway.crypto.CmsSigner;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.envelope.EnvelopeWriter;
import uk.xborder.gateway.ledger.AcceptedMessages;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.outbound.Admission;
import uk.xborder.gateway.outbound.Authorisation;
import uk.xborder.gateway.outbound.Canonicalisation;
import uk.xborder.gateway.outbound.Deadlines;
import uk.xborder.gateway.outbound.Delivery;
import uk.xborder.gateway.outbound.OutboundAudit;
import uk.xborder.gateway.outbound.Protection;
import uk.xborder.gateway.outbound.RecipientFailures;
import uk.xborder.gateway.outbound.RecipientTranslation;
import uk.xborder.gateway.outbound.Rejection;
import uk.xborder.gateway.outbound.SchemaConformance;
import uk.xborder.gateway.outbound.SenderVerification;
import uk.xborder.gateway.outbound.StatusReport;
import uk.xborder.gateway.outbound.WellFormedness;
import uk.xborder.gateway.outbound.Wrapping;
import uk.xborder.gateway.policy.RecipientPolicy;
import uk.xborder.gateway.requests.OpenRequests;
import uk.xborder.gateway.requests.RequestMetrics;
import uk.xborder.gateway.requests.RequestTracking;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;
import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.crypto.Secret;

/**
 * Wires the gateway from its typed settings ({@link GatewaySettings}, bound as {@code gatewaySettings}): the broker
 * and JMS component, the partner directory, the gateway's signing identity, and one bean per pipeline step, bound
 * under the names the routes use.
 *
 * <p>The inbound pipeline finds the deadlines of requests for information as {@code requestTracking}.
 *
 * <p>A {@code clock} bound before start-up (e.g. by a test) is used instead of the system clock, and a
 * {@code formatRegistry} instead of the built-in formats.
 */
public class GatewayConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        GatewaySettings settings = GatewaySettings.from(context.getPropertiesComponent());
        registry.bind("gatewaySettings", settings);
        BrokerSettings broker = settings.broker();

        if (broker.embedded()) {
            context.addService(new EmbeddedBroker(settings.dataDir(), broker.inVmId(), broker.embeddedHost(),
                    broker.embeddedPort(), broker.maxDeliveryAttempts(), broker.embeddedMaxMemoryBytes()), true, true);
        }
        registry.bind("jms", jmsComponent(context, broker));

        Clock clock = existing(registry, "clock", Clock.class, Clock::systemUTC);
        JdbcAuditLog auditLog = AuditLogSetup.open(context, settings, clock);
        registry.bind("auditLog", auditLog);
        OutboundAudit audit = new OutboundAudit(auditLog, clock);

        GradingTables grading = GradingTables.loadDefault();
        MarkingTable markings = MarkingTable.loadDefault();
        SchemaCatalog schemas = SchemaCatalog.loadDefault();
        FormatRegistry formats = existing(registry, "formatRegistry", FormatRegistry.class,
                () -> FormatRegistry.create(schemas, grading, markings));
        PartyDirectory directory = new PartyDirectoryLoader(id -> formats.find(id).isPresent(), markings::isKnown)
                .load(settings.directoryFile());
        registry.bind("partyDirectory", directory);

        AcceptedMessages accepted = AcceptedMessages.open(auditLog.database(), clock);

        SigningIdentity identity = settings.identity().load();

        Admission admission = new Admission(directory, settings.outbound().maxMessageBytes(), audit, clock);
        registry.bind("admission", admission);
        registry.bind("wellFormedness", new WellFormedness(new SafeXmlParser(), audit));
        registry.bind("schemaConformance", new SchemaConformance(schemas, formats, audit));
        registry.bind("canonicalisation", new Canonicalisation(formats, audit));
        registry.bind("senderVerification", new SenderVerification(directory, accepted, audit));
        registry.bind("authorisation", new Authorisation(new RecipientPolicy(directory, markings), audit));
        registry.bind("recipientTranslation", new RecipientTranslation(directory, formats, audit));
        registry.bind("protection", new Protection(CmsSigner.create(identity), CmsEncryptor.create(), directory, audit));
        registry.bind("wrapping", new Wrapping(directory, new EnvelopeWriter(), audit, clock));
        registry.bind("delivery", new Delivery(audit));
        registry.bind("recipientFailures", new RecipientFailures(audit));
        registry.bind("rejection", new Rejection(admission, audit));
        registry.bind("statusReport", new StatusReport(audit, clock));

        RequestTracking requests = requestTracking(context, settings, auditLog, clock);
        registry.bind("requestTracking", requests);
        registry.bind("deadlines", new Deadlines(requests, clock));
    }

    /**
     * The deadlines of requests for information in both directions, kept beside the accepted messages, with their
     * gauges; and, when the API is on, its endpoint for them.
     */
    private static RequestTracking requestTracking(CamelContext context, GatewaySettings settings,
                                                   JdbcAuditLog auditLog, Clock clock) throws Exception {
        OpenRequests open = OpenRequests.on(auditLog.database(), clock);
        RequestMetrics metrics = new RequestMetrics(open, clock, AuditLogSetup.meterRegistry(context));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                metrics.close();
            }
        }, true, true);
        if (settings.api().enabled()) {
            RequestsApi.install(context, open);
        }
        return new RequestTracking(open, auditLog, clock, settings.requests().timeZone(), metrics::changed);
    }

    private static JmsComponent jmsComponent(CamelContext context, BrokerSettings broker) throws Exception {
        ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory(broker.url());
        Optional<Secret> password = broker.credentials();
        if (password.isPresent()) {
            connections.setUser(broker.user());
            char[] chars = password.get().chars();
            // The Artemis client keeps the password as a String; that copy cannot be wiped, ours can.
            connections.setPassword(new String(chars));
            Arrays.fill(chars, '\0');
            password.get().destroy();
        }
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(connections);
        pool.setMaxConnections(broker.poolSize());
        // Stopped after the routes and before the embedded broker (services stop in reverse order).
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                pool.stop();
            }
        }, true, true);
        JmsComponent jms = JmsComponent.jmsComponent(pool);
        // Persistent delivery for everything the gateway sends, so a broker restart loses nothing.
        jms.getConfiguration().setDeliveryPersistent(true);
        // Nothing the gateway consumes or sends is request-reply. A sender's JMSReplyTo would otherwise turn the
        // exchange into InOut and make every send wait for a reply that never comes, holding the agency's queue.
        jms.getConfiguration().setDisableReplyTo(true);
        return jms;
    }

    /** What a test bound before start-up under this name, else the gateway's own, made only then. */
    private static <T> T existing(Registry registry, String name, Class<T> type, Supplier<T> fallback) {
        T bound = registry.lookupByNameAndType(name, type);
        if (bound != null) {
            return bound;
        }
        T made = fallback.get();
        registry.bind(name, made);
        return made;
    }
}
