package uk.xborder.gateway.inbound;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.crypto.CertificateRevokedException;
import uk.xborder.gateway.crypto.CertificateUntrustedException;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CmsVerificationException;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.crypto.SignatureInvalidException;
import uk.xborder.gateway.crypto.SignatureVerifier;
import uk.xborder.gateway.crypto.UnsignedContentException;
import uk.xborder.gateway.crypto.VerifiedContent;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Verifies the decrypted payload: it is signed, the signature holds, the signer's certificate chains to the
 * partner's trust anchors, was valid when it signed and is valid now, is not revoked, and is the certificate of the
 * partner the envelope names as its sender (a valid signature by another partner is still refused: one partner
 * must never be able to speak for another).
 */
public final class SignatureCheck {

    private final SignerTrust trust;
    private final InboundAudit audit;

    public SignatureCheck(SignerTrust trust, InboundAudit audit) {
        this.trust = trust;
        this.audit = audit;
    }

    public byte[] verify(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message,
                         @Body byte[] signed) {
        Partner partner = message.partner().orElseThrow();
        SignatureVerifier verifier = trust.verifierFor(partner).orElseThrow(() -> new MessageRejectedException(
                ReasonCode.SIGNER_UNTRUSTED, "No trust anchor, or no revocation list while revocation is"
                        + " hard-fail, is configured for partner '" + partner.id() + "'; its signatures cannot be"
                        + " trusted."));
        VerifiedContent verified;
        try {
            verified = verifier.verify(signed);
        } catch (CmsVerificationException e) {
            throw refusal(e);
        }
        X509Certificate signer = verified.signerCertificate();
        verified.signingTime().ifPresent(signedAt -> requireValidAt(signer, signedAt));
        if (!signer.getSubjectX500Principal().equals(partner.certificate().getSubjectX500Principal())) {
            throw new MessageRejectedException(ReasonCode.SIGNER_NOT_SENDER, "The payload is validly signed by "
                    + Certificates.describeCertificate(signer) + ", who is not partner '" + partner.id()
                    + "', whom the envelope names as its sender.");
        }
        byte[] content = verified.content();
        message.content(content);
        audit.step(message, Step.SIGNATURE_VERIFIED, Digests.sha256Hex(content));
        return content;
    }

    private static void requireValidAt(X509Certificate signer, Instant signedAt) {
        try {
            signer.checkValidity(Date.from(signedAt));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new MessageRejectedException(ReasonCode.SIGNER_CERTIFICATE_EXPIRED, "The signer's certificate "
                    + Certificates.describeCertificate(signer) + " was not valid at the signing time it states ("
                    + signedAt + ").");
        }
    }

    /** The crypto layer's sentences name certificates and checks, never content. */
    private static MessageRejectedException refusal(CmsVerificationException e) {
        ReasonCode reason;
        if (e instanceof UnsignedContentException) {
            reason = ReasonCode.UNSIGNED_CONTENT;
        } else if (e instanceof SignatureInvalidException) {
            reason = ReasonCode.SIGNATURE_INVALID;
        } else if (e instanceof uk.xborder.gateway.crypto.CertificateExpiredException) {
            reason = ReasonCode.SIGNER_CERTIFICATE_EXPIRED;
        } else if (e instanceof CertificateRevokedException) {
            reason = ReasonCode.SIGNER_CERTIFICATE_REVOKED;
        } else if (e instanceof CertificateUntrustedException) {
            reason = ReasonCode.SIGNER_UNTRUSTED;
        } else {
            reason = ReasonCode.SIGNATURE_INVALID;
        }
        return new MessageRejectedException(reason, "The payload's signature was not accepted: " + e.getMessage()
                + ".", e);
    }
}
