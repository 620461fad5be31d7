package uk.xborder.gateway.certificates;

import java.util.Objects;
import java.util.Optional;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Whether a partner's certificate may be used now, and if not, why: one of the {@code PARTNER_CERTIFICATE_*} reason
 * codes and a sentence that names the certificate (subject and serial number), never key material.
 */
public record CertificateVerdict(String partnerId, Optional<ReasonCode> refusal, String explanation) {

    public CertificateVerdict {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(explanation, "explanation");
    }

    static CertificateVerdict usable(String partnerId) {
        return new CertificateVerdict(partnerId, Optional.empty(), "The certificate of '" + partnerId + "' is usable.");
    }

    static CertificateVerdict refused(String partnerId, ReasonCode reason, String problem) {
        return new CertificateVerdict(partnerId, Optional.of(reason),
                "The certificate of '" + partnerId + "' cannot be used: " + problem);
    }

    public boolean usable() {
        return refusal.isEmpty();
    }

    /** The refusal as the pipeline reports it; for a usable certificate, nothing to throw. */
    MessageRejectedException toRejection() {
        return new MessageRejectedException(refusal.orElseThrow(), explanation);
    }
}
