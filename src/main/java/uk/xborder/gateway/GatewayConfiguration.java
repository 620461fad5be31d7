package uk.xborder.gateway;

import java.time.Clock;
import java.util.function.Supplier;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.Registry;

import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.broker.EmbeddedBroker;
import uk.xborder.gateway.broker.JmsConnections;
import uk.xborder.gateway.broker.PartnerBrokers;
import uk.xborder.gateway.crypto.CmsEncryptor;
import uk.xborder.gateway.crypto.CmsSigner;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.envelope.EnvelopeWriter;
import uk.xborder.gateway.ledger.AcceptedMessages;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.outbound.Admission;
import uk.xborder.gateway.outbound.Authorisation;
import uk.xborder.gateway.outbound.Canonicalisation;
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
import uk.xborder.gateway.receipt.Receipts;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;
import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.settings.GatewaySettings;

/**
 * Wires the gateway from its typed settings ({@link GatewaySettings}, bound as {@code gatewaySettings}): the broker
 * and JMS component (and one per partner broker), the partner directory, the gateway's signing identity, and one
 * bean per pipeline step, bound under the names the routes use.
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

        Receipts.install(registry, directory, AwaitingReceipts.open(auditLog.database(), clock), auditLog, schemas,
                settings.receipts(), clock);

        // Last, so that a partner broker's name cannot silently replace a bean of the gateway's.
        PartnerBrokers.bind(context, settings.partnerBrokers(), directory);
    }

    private static JmsComponent jmsComponent(CamelContext context, BrokerSettings broker) throws Exception {
        return JmsConnections.pooledComponent(context, broker.url(), broker.user(), broker.credentials(),
                broker.poolSize());
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
