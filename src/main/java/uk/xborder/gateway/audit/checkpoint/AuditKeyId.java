package uk.xborder.gateway.audit.checkpoint;

import java.security.PublicKey;
import java.security.cert.X509Certificate;

import uk.xborder.gateway.crypto.Digests;

/**
 * The id of an audit key: lower-case hex SHA-256 of its DER SubjectPublicKeyInfo, the same bytes as
 * {@code openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum}. It names the key, not the
 * certificate, so a re-issued certificate for the same key keeps the id.
 */
public final class AuditKeyId {

    private AuditKeyId() {
    }

    public static String of(X509Certificate certificate) {
        return of(certificate.getPublicKey());
    }

    public static String of(PublicKey publicKey) {
        return Digests.sha256Hex(publicKey.getEncoded());
    }
}
