package uk.xborder.gateway;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

import uk.xborder.gateway.api.AuditApi;
import uk.xborder.gateway.api.UsersFile;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.certificates.CertificateExpiry;
import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.settings.ApiSettings;
import uk.xborder.gateway.settings.AuditSettings;
import uk.xborder.gateway.settings.GatewaySettings;

/**
 * Opens the durable audit log from its settings ({@link AuditSettings}): the store (embedded H2 under the data
 * directory, or the configured PostgreSQL), the audit key that signs its checkpoints, and its metrics; and, when
 * {@code gateway.api.enabled}, binds the beans of the REST layer and its auditor API over it (their routes, in
 * {@code routes/api.camel.yaml} and {@code routes/audit-api.camel.yaml}, are switched by the same setting). The log is closed as a Camel service,
 * after the routes that write to it have stopped. The audit key's certificate is watched for expiry.
 */
final class AuditLogSetup {

    private AuditLogSetup() {
    }

    static JdbcAuditLog open(CamelContext context, GatewaySettings settings, Clock clock, CertificateExpiry expiry)
            throws Exception {
        AuditSettings audit = settings.audit();
        audit.checkStorePassword();
        SigningIdentity auditKey = audit.identity().load();
        expiry.watch(CertificateExpiry.GATEWAY, "audit", auditKey.certificate());
        JdbcAuditLog log = AuditStoreFactory.open(audit.store(), CheckpointSigner.create(auditKey, clock),
                meterRegistry(context));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                log.close();
            }
        }, true, true);
        if (settings.api().enabled()) {
            installApi(context, log, auditKey, audit, settings.api(), clock);
        }
        return log;
    }

    /** The auditors' REST API over this log, with exports and live verification anchored in the audit key. */
    private static void installApi(CamelContext context, JdbcAuditLog log, SigningIdentity auditKey,
                                   AuditSettings audit, ApiSettings api, Clock clock) throws Exception {
        List<X509Certificate> anchors = Certificates.readCertificates(audit.trust());
        // The gateway checks its own audit certificate against the configured roots; revocation is the
        // auditor's check, made offline with the CA's CRL.
        CertificateValidator trust = CertificateValidator.builder().trustAnchors(anchors)
                .withoutRevocationChecking().clock(clock).build();
        CheckpointVerifier checkpoints = CheckpointVerifier.create(auditKey.certificate(), auditKey.chain(), trust);
        AuditApi.install(context, log,
                new EvidenceExporter(log, clock, auditKey.certificateAndChain()),
                new LogVerifier(log, checkpoints),
                UsersFile.load(api.usersFile()), api.login(), clock);
    }

    /** The registry the metrics endpoint publishes; a private one when metrics are not enabled. */
    static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry bound = context.getRegistry().findSingleByType(MeterRegistry.class);
        return bound != null ? bound : new SimpleMeterRegistry();
    }
}
