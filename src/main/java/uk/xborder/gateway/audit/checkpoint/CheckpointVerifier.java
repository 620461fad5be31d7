package uk.xborder.gateway.audit.checkpoint;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CmsVerificationException;
import uk.xborder.gateway.crypto.CryptoProfile;
import uk.xborder.gateway.crypto.DetachedSignatureVerifier;
import uk.xborder.gateway.crypto.SignatureInvalidException;

/**
 * Checks checkpoints signed by one audit key. Built by a validating factory: the audit certificate must chain to a
 * trust anchor of the given {@link CertificateValidator} (validity and, if configured, revocation included) and
 * carry the audit-log signing purpose ({@link CryptoProfile#AUDIT_LOG_SIGNING_PURPOSE}) — otherwise there is no
 * verifier to have. Then {@link #verify} checks, for each checkpoint, that it names this key and that the signature
 * over {@link CheckpointCodec#signedBytes} verifies. Immutable and thread-safe.
 */
public final class CheckpointVerifier {

    private final X509Certificate auditCertificate;
    private final String keyId;

    private CheckpointVerifier(X509Certificate auditCertificate, String keyId) {
        this.auditCertificate = auditCertificate;
        this.keyId = keyId;
    }

    /**
     * A verifier for checkpoints signed by {@code auditCertificate}'s key.
     *
     * @param chain     certificates that may complete its path to a trust anchor (may be empty)
     * @param validator the trust anchors, revocation decision and clock
     * @throws UntrustedAuditKeyException the certificate is not trusted now, or is not an audit-log signing
     *     certificate
     */
    public static CheckpointVerifier create(X509Certificate auditCertificate, Collection<X509Certificate> chain,
                                            CertificateValidator validator) throws UntrustedAuditKeyException {
        Objects.requireNonNull(auditCertificate, "auditCertificate");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(validator, "validator");
        String who = Certificates.describeCertificate(auditCertificate);
        if (!Certificates.hasExtendedKeyUsage(auditCertificate, CryptoProfile.AUDIT_LOG_SIGNING_PURPOSE)) {
            throw new UntrustedAuditKeyException("Certificate " + who + " is not an audit-log signing certificate"
                    + " (no extended key usage " + CryptoProfile.AUDIT_LOG_SIGNING_PURPOSE + ")");
        }
        try {
            validator.validate(auditCertificate, List.copyOf(chain));
        } catch (CmsVerificationException e) {
            throw new UntrustedAuditKeyException("The audit certificate is not trusted: " + e.getMessage(), e);
        }
        return new CheckpointVerifier(auditCertificate, AuditKeyId.of(auditCertificate));
    }

    /**
     * Returns normally if the checkpoint was signed by this audit key.
     *
     * @throws CheckpointKeyMismatchException it names another key
     * @throws CheckpointSignatureException   the signature does not verify
     */
    public void verify(SignedCheckpoint signed) throws CheckpointVerificationException {
        Objects.requireNonNull(signed, "signed");
        Checkpoint checkpoint = signed.checkpoint();
        if (!keyId.equals(checkpoint.keyId())) {
            throw new CheckpointKeyMismatchException("The checkpoint at tree size " + checkpoint.treeSize()
                    + " names key " + checkpoint.keyId() + ", not the audit key " + keyId);
        }
        try {
            DetachedSignatureVerifier.verify(auditCertificate, CheckpointCodec.signedBytes(checkpoint),
                    signed.signature());
        } catch (SignatureInvalidException e) {
            throw new CheckpointSignatureException("The signature of the checkpoint at tree size "
                    + checkpoint.treeSize() + " does not verify with audit key " + keyId
                    + ": its size, root, time or key id were changed after signing, or another key signed it");
        }
    }

    /** The audit key's id: hex SHA-256 of its SubjectPublicKeyInfo. */
    public String keyId() {
        return keyId;
    }

    public X509Certificate auditCertificate() {
        return auditCertificate;
    }

    @Override
    public String toString() {
        return "CheckpointVerifier[keyId=" + keyId + ", " + Certificates.describeCertificate(auditCertificate) + "]";
    }
}
