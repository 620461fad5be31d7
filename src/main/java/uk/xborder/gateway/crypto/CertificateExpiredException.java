package uk.xborder.gateway.crypto;

/**
 * A certificate in the path is outside its validity period at the verification time: expired, or (rarely) not
 * yet valid; the message says which. Not to be confused with {@link java.security.cert.CertificateExpiredException},
 * which the JDK throws from {@code X509Certificate.checkValidity()}.
 */
public class CertificateExpiredException extends CmsVerificationException {

    private static final long serialVersionUID = 1L;

    public CertificateExpiredException(String message) {
        super(message);
    }

    public CertificateExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
