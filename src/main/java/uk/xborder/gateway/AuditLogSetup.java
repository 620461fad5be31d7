package uk.xborder.gateway;

import java.nio.file.Path;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

import java.security.cert.X509Certificate;
import java.util.List;

import uk.xborder.gateway.api.AuditApi;
import uk.xborder.gateway.api.UsersFile;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * Opens the durable audit log from the {@code gateway.audit.*} settings: the store (embedded H2 under the data
 * directory, or the configured PostgreSQL), the audit key that signs its checkpoints, and its metrics; and serves it
 * to auditors through the REST API. The log is closed as a Camel service, after the routes that write to it have
 * stopped.
 */
final class AuditLogSetup {

    private AuditLogSetup() {
    }

    static JdbcAuditLog open(CamelContext context, Path dataDirectory, Clock clock) throws Exception {
        AuditStoreSettings settings = AuditStoreSettings.fromProperties(
                key -> context.getPropertiesComponent().resolveProperty(key).orElse(null), dataDirectory);
        SigningIdentity auditKey = GatewayIdentity.load(
                setting(context, "gateway.audit.identity.certificate"), setting(context, "gateway.audit.identity.key"),
                setting(context, "gateway.audit.identity.pkcs12"), setting(context, "gateway.audit.identity.password-env"),
                setting(context, "gateway.audit.identity.password-file"));
        JdbcAuditLog log = AuditStoreFactory.open(settings, CheckpointSigner.create(auditKey, clock),
                meterRegistry(context));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                log.close();
            }
        }, true, true);
        installApi(context, log, auditKey, clock);
        return log;
    }

    /** The auditors' REST API over this log, with exports and live verification anchored in the audit key. */
    private static void installApi(CamelContext context, JdbcAuditLog log, SigningIdentity auditKey, Clock clock)
            throws Exception {
        List<X509Certificate> anchors = Certificates.readCertificateList(setting(context, "gateway.audit.trust"));
        // The gateway checks its own audit certificate against the configured roots; revocation is the
        // auditor's check, made offline with the CA's CRL.
        CertificateValidator trust = CertificateValidator.builder().trustAnchors(anchors)
                .withoutRevocationChecking().clock(clock).build();
        CheckpointVerifier checkpoints = CheckpointVerifier.create(auditKey.certificate(), auditKey.chain(), trust);
        AuditApi.install(context, log,
                new EvidenceExporter(log, clock, auditKey.certificateAndChain()),
                new LogVerifier(log, checkpoints),
                UsersFile.load(Path.of(setting(context, "gateway.api.users"))), clock);
    }

    /** The registry the metrics endpoint publishes; a private one when metrics are not enabled. */
    private static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry bound = context.getRegistry().findSingleByType(MeterRegistry.class);
        return bound != null ? bound : new SimpleMeterRegistry();
    }

    private static String setting(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("");
    }
}
