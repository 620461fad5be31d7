package uk.xborder.gateway.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.time.Clock;

import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * Signs checkpoints of the audit log with the gateway's audit key. One method, as Tink would have it; thread-safe.
 */
public interface CheckpointSigner {

    /**
     * Signs "after {@code treeSize} entries the root was {@code root}", stamped with the current time and the key id.
     *
     * @throws CheckpointSigningException if the signature could not be made (the key was checked when the signer
     *     was created, so this means the crypto provider failed)
     */
    SignedCheckpoint sign(long treeSize, byte[] root);

    /**
     * A signer with the audit identity (for the example PKI: {@code certs-example/audit}).
     *
     * @throws uk.xborder.gateway.crypto.KeyMaterialException if the certificate is not an audit-log signing
     *     certificate (key usage, or the extended key usage
     *     {@link uk.xborder.gateway.crypto.CryptoProfile#AUDIT_LOG_SIGNING_PURPOSE}), or its key is outside the
     *     crypto profile: checkpoints it signed would never verify, so it is refused at start-up
     */
    static CheckpointSigner create(SigningIdentity auditIdentity) throws GeneralSecurityException {
        return AuditKeyCheckpointSigner.create(auditIdentity, Clock.systemUTC());
    }

    /** As {@link #create(SigningIdentity)}, with the clock that stamps checkpoints. */
    static CheckpointSigner create(SigningIdentity auditIdentity, Clock clock) throws GeneralSecurityException {
        return AuditKeyCheckpointSigner.create(auditIdentity, clock);
    }
}
