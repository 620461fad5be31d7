package uk.xborder.gateway.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful verification proves: these bytes were signed by the holder of this certificate, whose path to
 * a trust anchor was valid at verification time. Whether that signer is the party the message claims to come from
 * is for the caller to check against its partner directory.
 *
 * <p>Immutable; {@link #toString()} never shows the content.
 */
public final class VerifiedContent {

    private final byte[] content;
    private final X509Certificate signerCertificate;
    private final Instant signingTime;

    VerifiedContent(byte[] content, X509Certificate signerCertificate, Instant signingTimeOrNull) {
        this.content = content.clone();
        this.signerCertificate = Objects.requireNonNull(signerCertificate, "signerCertificate");
        this.signingTime = signingTimeOrNull;
    }

    /** The signed content (a copy). */
    public byte[] content() {
        return content.clone();
    }

    /** The certificate of the signer. */
    public X509Certificate signerCertificate() {
        return signerCertificate;
    }

    /** The signing time the signer claims (a signed attribute), if present. Not a trusted timestamp. */
    public Optional<Instant> signingTime() {
        return Optional.ofNullable(signingTime);
    }

    @Override
    public String toString() {
        return "VerifiedContent[signer=" + signerCertificate.getSubjectX500Principal().getName()
                + ", bytes=" + content.length + ", signingTime=" + signingTime + "]";
    }
}
