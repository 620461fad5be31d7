package uk.xborder.gateway.crypto;

/**
 * The certificate does not chain to a trust anchor, may not be used for the purpose, or its revocation status
 * cannot be established (no current CRL from its issuer) and so it cannot be trusted either.
 */
public class CertificateUntrustedException extends CmsVerificationException {

    private static final long serialVersionUID = 1L;

    public CertificateUntrustedException(String message) {
        super(message);
    }

    public CertificateUntrustedException(String message, Throwable cause) {
        super(message, cause);
    }
}
