package uk.xborder.gateway.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Objects;

import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CryptoProfile;
import uk.xborder.gateway.crypto.DetachedSigner;
import uk.xborder.gateway.crypto.KeyMaterialException;
import uk.xborder.gateway.crypto.SigningIdentity;

/** {@link CheckpointSigner} with a {@link DetachedSigner} over {@link CheckpointCodec#signedBytes}. */
final class AuditKeyCheckpointSigner implements CheckpointSigner {

    private final DetachedSigner signer;
    private final String keyId;
    private final Clock clock;

    private AuditKeyCheckpointSigner(DetachedSigner signer, String keyId, Clock clock) {
        this.signer = signer;
        this.keyId = keyId;
        this.clock = clock;
    }

    static CheckpointSigner create(SigningIdentity auditIdentity, Clock clock) throws GeneralSecurityException {
        Objects.requireNonNull(auditIdentity, "auditIdentity");
        Objects.requireNonNull(clock, "clock");
        if (!Certificates.hasExtendedKeyUsage(auditIdentity.certificate(), CryptoProfile.AUDIT_LOG_SIGNING_PURPOSE)) {
            throw new KeyMaterialException("Certificate "
                    + Certificates.describeCertificate(auditIdentity.certificate())
                    + " is not an audit-log signing certificate (no extended key usage "
                    + CryptoProfile.AUDIT_LOG_SIGNING_PURPOSE + "); verifiers would refuse its checkpoints");
        }
        return new AuditKeyCheckpointSigner(DetachedSigner.create(auditIdentity),
                AuditKeyId.of(auditIdentity.certificate()), clock);
    }

    @Override
    public SignedCheckpoint sign(long treeSize, byte[] root) {
        Checkpoint checkpoint = new Checkpoint(treeSize, root, clock.instant(), keyId);
        try {
            return new SignedCheckpoint(checkpoint, signer.sign(CheckpointCodec.signedBytes(checkpoint)));
        } catch (GeneralSecurityException e) {
            throw new CheckpointSigningException("Could not sign the checkpoint at tree size " + treeSize
                    + " with audit key " + keyId + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "CheckpointSigner[keyId=" + keyId + ", " + signer + "]";
    }
}
