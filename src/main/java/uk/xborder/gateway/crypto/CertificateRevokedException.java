package uk.xborder.gateway.crypto;

/**
 * A certificate in the path is listed as revoked on its issuer's CRL. Not to be confused with
 * {@link java.security.cert.CertificateRevokedException}, the JDK's own (which is this exception's cause).
 */
public class CertificateRevokedException extends CmsVerificationException {

    private static final long serialVersionUID = 1L;

    public CertificateRevokedException(String message) {
        super(message);
    }

    public CertificateRevokedException(String message, Throwable cause) {
        super(message, cause);
    }
}
