package uk.xborder.gateway.crypto;

/**
 * The signature does not verify: the content or signed attributes were altered, the structure is malformed or
 * has no signer certificate, or it uses an algorithm outside {@link CryptoProfile}.
 */
public class SignatureInvalidException extends CmsVerificationException {

    private static final long serialVersionUID = 1L;

    public SignatureInvalidException(String message) {
        super(message);
    }

    public SignatureInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
