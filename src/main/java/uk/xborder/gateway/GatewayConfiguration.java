package uk.xborder.gateway;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.api.ExchangesApi;
import uk.xborder.gateway.api.RequestsApi;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.broker.AuditedListenerContainer;
import uk.xborder.gateway.broker.BrokerLogins;
import uk.xborder.gateway.broker.BrokerPermissions;
import uk.xborder.gateway.broker.EmbeddedBroker;
import uk.xborder.gateway.broker.JmsConnections;
import uk.xborder.gateway.broker.MessageSizeLimit;
import uk.xborder.gateway.broker.PartnerBrokers;
import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.certificates.CertificateExpiry;
import uk.xborder.gateway.certificates.PartnerCertificates;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CmsDecryptor;
import uk.xborder.gateway.crypto.CmsEncryptor;
import uk.xborder.gateway.crypto.CmsSigner;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.envelope.EnvelopeReader;
import uk.xborder.gateway.envelope.EnvelopeWriter;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.operator.BulkConfirmation;
import uk.xborder.gateway.exchange.operator.BulkReplays;
import uk.xborder.gateway.exchange.operator.ContentReplays;
import uk.xborder.gateway.exchange.operator.ExchangeOperator;
import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.deadletter.DeadLetterReplay;
import uk.xborder.gateway.exchange.deadletter.DeadLetterResend;
import uk.xborder.gateway.health.FailureSnapshots;
import uk.xborder.gateway.inbound.Acknowledgement;
import uk.xborder.gateway.inbound.AddresseeAuthorisation;
import uk.xborder.gateway.inbound.AgencyDelivery;
import uk.xborder.gateway.inbound.AgencyTranslation;
import uk.xborder.gateway.inbound.ContentCanonicalisation;
import uk.xborder.gateway.inbound.ContentConformance;
import uk.xborder.gateway.inbound.Decryption;
import uk.xborder.gateway.inbound.Duplicates;
import uk.xborder.gateway.inbound.HeaderCheck;
import uk.xborder.gateway.inbound.InboundAdmission;
import uk.xborder.gateway.inbound.InboundAudit;
import uk.xborder.gateway.inbound.InboundExchanges;
import uk.xborder.gateway.inbound.InboundRejection;
import uk.xborder.gateway.inbound.InboundReplayClaims;
import uk.xborder.gateway.inbound.ReceivedEnvelopeReplay;
import uk.xborder.gateway.receipt.ReceivedReceiptReplay;
import uk.xborder.gateway.inbound.ReceivedHooks;
import uk.xborder.gateway.inbound.ReceivedMaterialHooks;
import uk.xborder.gateway.inbound.SignatureCheck;
import uk.xborder.gateway.inbound.SignerTrust;
import uk.xborder.gateway.inbound.Unwrapping;
import uk.xborder.gateway.ledger.InboundReceipts;
import uk.xborder.gateway.ledger.AcceptedMessages;
import uk.xborder.gateway.ledger.ReceivedMaterial;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.message.CaveatTable;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.outbound.Admission;
import uk.xborder.gateway.outbound.Authorisation;
import uk.xborder.gateway.outbound.Canonicalisation;
import uk.xborder.gateway.outbound.Deadlines;
import uk.xborder.gateway.outbound.Delivery;
import uk.xborder.gateway.outbound.DeliveryRetries;
import uk.xborder.gateway.outbound.EnvelopeReplay;
import uk.xborder.gateway.outbound.OriginalReplay;
import uk.xborder.gateway.outbound.OutboundAudit;
import uk.xborder.gateway.outbound.OutboundExchanges;
import uk.xborder.gateway.outbound.Protection;
import uk.xborder.gateway.outbound.RecipientCertificate;
import uk.xborder.gateway.outbound.RecipientFailures;
import uk.xborder.gateway.outbound.RecipientTranslation;
import uk.xborder.gateway.outbound.Rejection;
import uk.xborder.gateway.outbound.SchemaConformance;
import uk.xborder.gateway.outbound.SenderVerification;
import uk.xborder.gateway.outbound.StatusReport;
import uk.xborder.gateway.outbound.WellFormedness;
import uk.xborder.gateway.outbound.Wrapping;
import uk.xborder.gateway.policy.CaveatAudience;
import uk.xborder.gateway.policy.OnwardDissemination;
import uk.xborder.gateway.policy.RecipientPolicy;
import uk.xborder.gateway.receipt.ReceiptIssuer;
import uk.xborder.gateway.receipt.ReceiptNotice;
import uk.xborder.gateway.transport.AuditedBeforeLeaving;
import uk.xborder.gateway.transport.HttpsTransport;
import uk.xborder.gateway.receipt.Receipts;
import uk.xborder.gateway.requests.OpenRequests;
import uk.xborder.gateway.requests.RequestMetrics;
import uk.xborder.gateway.requests.RequestTracking;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;
import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.settings.CertificateSettings;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.settings.InboundSettings;
import uk.xborder.gateway.startup.DataDirectory;
import uk.xborder.gateway.startup.ExposureGuard;

/**
 * Wires the gateway from its typed settings ({@link GatewaySettings}, bound as {@code gatewaySettings}): the broker
 * and JMS component (and one per partner broker), the partner directory, the gateway's signing identity, and one
 * bean per pipeline step, bound under the names the routes use.
 *
 * <p>A {@code clock} bound before start-up (e.g. by a test) is used instead of the system clock, a
 * {@code formatRegistry} instead of the built-in formats, and {@code receivedHooks} are called by the inbound steps.
 */
public class GatewayConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        GatewaySettings settings = GatewaySettings.from(context.getPropertiesComponent());
        registry.bind("gatewaySettings", settings);
        ExposureGuard.check(settings);
        if (settings.broker().embedded()) {
            MessageSizeLimit.requireBrokerAboveGatewayLimits(settings);
        }
        DataDirectory.secure(context, settings);

        Clock clock = existing(registry, "clock", Clock.class, Clock::systemUTC);
        CertificateExpiry expiry = certificateExpiry(context, settings.certificates(), clock);
        HttpServerSetup.secure(context, settings.api(), expiry);
        JdbcAuditLog auditLog = AuditLogSetup.open(context, settings, clock, expiry);
        registry.bind("auditLog", auditLog);
        OutboundAudit audit = new OutboundAudit(auditLog, clock);
        ExchangeStore exchangeStore = ExchangeStoreSetup.open(registry, settings.store(), auditLog, clock);
        OutboundExchanges outboundExchanges = new OutboundExchanges(exchangeStore);

        GradingTables grading = GradingTables.loadDefault();
        MarkingTable markings = MarkingTable.loadDefault();
        CaveatTable caveats = CaveatTable.loadDefault();
        SchemaCatalog schemas = SchemaCatalog.loadDefault();
        FormatRegistry formats = existing(registry, "formatRegistry", FormatRegistry.class,
                () -> FormatRegistry.create(schemas, grading, markings));
        PartyDirectory directory = new PartyDirectoryLoader(id -> formats.find(id).isPresent(), markings::isKnown,
                settings.outbound().retryDefaults()).load(settings.directoryFile());
        registry.bind("partyDirectory", directory);
        JmsComponent jms = jmsComponent(context, settings, directory);
        registry.bind("jms", jms);
        PartnerCertificates partnerCertificates = partnerCertificates(directory, settings.certificates(), clock);
        registry.bind("partnerCertificates", partnerCertificates);

        AcceptedMessages accepted = AcceptedMessages.open(auditLog.database(), clock);
        // Recorded by the inbound pipeline, read by the outbound policy before material goes on to another partner.
        ReceivedMaterial receivedMaterial = ReceivedMaterial.open(auditLog.database(), clock);
        registry.bind("receivedMaterial", receivedMaterial);

        SigningIdentity identity = settings.identity().load();
        expiry.watch(CertificateExpiry.GATEWAY, "signing", identity.certificate());
        directory.partners().forEach(partner ->
                expiry.watch(partner.id(), CertificateExpiry.PARTNER_USE, partner.certificate()));
        expiry.check();

        // Every body taken off a queue is read once, through this: text and bytes only, measured before it is read.
        ReceivedBodies bodies = new ReceivedBodies();
        Admission admission = new Admission(directory, bodies, settings.outbound().maxMessageBytes(), audit, clock);
        registry.bind("admission", admission);
        registry.bind("wellFormedness", new WellFormedness(new SafeXmlParser(), audit));
        registry.bind("schemaConformance", new SchemaConformance(schemas, formats, audit));
        registry.bind("canonicalisation", new Canonicalisation(formats, audit));
        registry.bind("senderVerification", new SenderVerification(directory, accepted, audit,
                settings.broker().validatedUserRequired(), exchangeStore, gatewayBrokerUser(settings.broker())));
        registry.bind("authorisation", new Authorisation(new RecipientPolicy(directory, markings,
                new CaveatAudience(caveats), new OnwardDissemination(receivedMaterial, grading)),
                audit));
        registry.bind("recipientCertificate", new RecipientCertificate(directory, partnerCertificates));
        registry.bind("recipientTranslation", new RecipientTranslation(directory, formats, audit));
        registry.bind("protection", new Protection(CmsSigner.create(identity), CmsEncryptor.create(), directory, audit));
        registry.bind("wrapping", new Wrapping(directory, new EnvelopeWriter(), audit, clock));
        registry.bind("delivery", new Delivery(audit, outboundExchanges));
        registry.bind("auditedBeforeLeaving", new AuditedBeforeLeaving());
        RecipientFailures recipientFailures = new RecipientFailures(audit, outboundExchanges);
        registry.bind("recipientFailures", recipientFailures);
        // called before each retry of a recipient's preparation or delivery (routes/error-handling.camel.yaml)
        registry.bind("recipientAttemptFailed", (Processor) recipientFailures::attemptFailed);
        registry.bind("rejection", new Rejection(admission, audit, outboundExchanges));
        registry.bind("statusReport", new StatusReport(audit, clock));

        RequestTracking requests = requestTracking(context, settings, auditLog, clock);
        registry.bind("requestTracking", requests);
        registry.bind("deadlines", new Deadlines(requests, clock));
        bindInbound(registry, settings, directory, formats, schemas, auditLog, identity, partnerCertificates,
                new ReceivedMaterialHooks(receivedMaterial, requests), new InboundExchanges(exchangeStore), bodies,
                new InboundReplayClaims(exchangeStore, gatewayBrokerUser(settings.broker())), clock);
        HttpsTransport.install(context, settings.https(), directory, auditLog, expiry, clock);
        AwaitingReceipts awaiting = AwaitingReceipts.open(auditLog.database(), clock);
        Receipts.install(registry, directory, partnerCertificates, awaiting, exchangeStore, bodies, auditLog, schemas,
                settings.receipts(), clock);
        registry.bind("deliveryRetries", DeliveryRetries.create(directory, bodies, awaiting,
                registry.lookupByNameAndType("receiptNotice", ReceiptNotice.class), outboundExchanges, auditLog,
                clock));
        DeadLetterAndHealthSetup.install(context, settings, directory, jms, exchangeStore, awaiting, auditLog, bodies,
                clock);

        ContentReplays replays = ContentReplays.of(new EnvelopeReplay(context, directory, awaiting),
                new OriginalReplay(context)).with(ContentKind.DEAD_LETTER, new DeadLetterReplay(
                registry.lookupByNameAndType("deadLetterResend", DeadLetterResend.class)))
                .with(ContentKind.RECEIVED_ENVELOPE, new ReceivedEnvelopeReplay(context,
                        InboundReceipts.open(auditLog.database())))
                .with(ContentKind.RECEIVED_RECEIPT, new ReceivedReceiptReplay(context, exchangeStore));
        ExchangeOperator operator = new ExchangeOperator(exchangeStore, replays, auditLog, clock)
                .afterEachDecision(registry.lookupByNameAndType("failureSnapshots", FailureSnapshots.class)::invalidate);
        registry.bind("exchangeOperator", operator);
        BulkReplays bulkReplays = new BulkReplays(operator, clock);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                bulkReplays.close();
            }
        }, true, true);
        if (settings.api().enabled()) {
            ExchangesApi.install(context, exchangeStore, operator, bulkReplays,
                    new BulkConfirmation(settings.operator().maxBulk()), clock);
        }

        // Last, so that a partner broker's name cannot silently replace a bean of the gateway's.
        PartnerBrokers.bind(context, settings.partnerBrokers(), directory);
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

    /**
     * The steps of routes/inbound.camel.yaml. They call the gateway's own hooks, then a {@code receivedHooks} bound
     * before start-up (by a test).
     */
    private static void bindInbound(Registry registry, GatewaySettings settings, PartyDirectory directory,
                                    FormatRegistry formats, SchemaCatalog schemas, JdbcAuditLog auditLog,
                                    SigningIdentity identity, PartnerCertificates certificates,
                                    ReceivedHooks gatewayHooks, InboundExchanges exchanges, ReceivedBodies bodies,
                                    InboundReplayClaims replayClaims, Clock clock)
            throws Exception {
        InboundSettings inbound = settings.inbound();
        InboundAudit audit = new InboundAudit(auditLog, clock);
        ReceivedHooks hooks = ReceivedHooks.all(List.of(gatewayHooks,
                existing(registry, "receivedHooks", ReceivedHooks.class, () -> ReceivedHooks.NONE)));
        SafeXmlParser parser = new SafeXmlParser();
        InboundAdmission admission = new InboundAdmission(bodies, inbound.maxEnvelopeBytes(), audit, exchanges,
                replayClaims, clock);
        registry.bind("inboundAdmission", admission);
        registry.bind("unwrapping", new Unwrapping(new EnvelopeReader(parser, schemas), directory, inbound.maxAge(),
                inbound.maxClockSkew(), audit, clock));
        InboundReceipts receipts = InboundReceipts.open(auditLog.database());
        registry.bind("duplicates", new Duplicates(receipts));
        registry.bind("decryption", new Decryption(
                CmsDecryptor.create(inbound.decryptionKeys(settings.identity())), audit));
        registry.bind("signatureCheck", new SignatureCheck(new SignerTrust(certificates, inbound.revocation()),
                audit));
        registry.bind("headerCheck", new HeaderCheck(parser, schemas, formats, audit));
        registry.bind("contentConformance", new ContentConformance(schemas, audit));
        registry.bind("contentCanonicalisation", new ContentCanonicalisation(formats, audit));
        registry.bind("addresseeAuthorisation", new AddresseeAuthorisation(hooks, audit));
        registry.bind("agencyTranslation", new AgencyTranslation(formats, audit));
        registry.bind("agencyDelivery", new AgencyDelivery(hooks, audit, exchanges));
        registry.bind("acknowledgement", new Acknowledgement(
                new ReceiptIssuer(CmsSigner.create(identity, clock), schemas), receipts, audit, exchanges));
        registry.bind("inboundRejection", new InboundRejection(admission, audit, exchanges));
    }


    /** The expiry warnings (log and metrics), bound for the periodic check; its meters go when the gateway stops. */
    private static CertificateExpiry certificateExpiry(CamelContext context, CertificateSettings settings,
                                                       Clock clock) throws Exception {
        CertificateExpiry expiry = new CertificateExpiry(settings.expiryWarning(), clock,
                AuditLogSetup.meterRegistry(context));
        context.getRegistry().bind("certificateExpiry", expiry);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                expiry.close();
            }
        }, true, true);
        return expiry;
    }

    /**
     * The partner certificate checks, run once now over the whole directory: each failing partner is logged and
     * refused at each use, and the gateway starts for the others.
     */
    private static PartnerCertificates partnerCertificates(PartyDirectory directory, CertificateSettings settings,
                                                           Clock clock) throws Exception {
        PartnerCertificates certificates = PartnerCertificates.create(directory,
                Certificates.readCertificates(settings.partnerTrust()), settings.partnerCrls(), clock);
        certificates.reportAtStartUp();
        return certificates;
    }

    /**
     * The gateway's own broker connection: to the embedded broker (a service: it starts before the routes and stops after them) as its in-VM user,
     * or to the external broker as the user of the settings.
     */
    private static JmsComponent jmsComponent(CamelContext context, GatewaySettings settings,
                                             PartyDirectory directory) throws Exception {
        BrokerSettings broker = settings.broker();
        if (!broker.embedded()) {
            JmsComponent jms = JmsConnections.pooledComponent(context, broker.url(), broker.user(),
                    broker.credentials(), broker.poolSize());
            AuditedListenerContainer.install(jms);
            return jms;
        }
        if (!broker.user().isEmpty()) {
            LOG.warn("gateway.broker.user is set but not used: on the embedded broker the gateway logs in as its own "
                    + "in-VM user");
        }
        EmbeddedBroker embedded = new EmbeddedBroker(settings.dataDir(), broker, BrokerPermissions.of(directory));
        context.addService(embedded, true, true);
        JmsComponent jms = JmsConnections.pooledComponent(context, embedded.inVmUrl(), embedded.gatewayUser(),
                Optional.of(embedded.gatewayPassword()), broker.poolSize());
        AuditedListenerContainer.install(jms);
        return jms;
    }

    /** The broker user the gateway itself logs in as: its in-VM user on the embedded broker, else the configured one. */
    private static String gatewayBrokerUser(BrokerSettings broker) {
        return broker.embedded() ? BrokerLogins.GATEWAY_USER : broker.user();
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
