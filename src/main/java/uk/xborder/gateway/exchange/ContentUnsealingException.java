package uk.xborder.gateway.exchange;

/**
 * Stored content that cannot be opened: its key is not among those configured, or it fails authentication (the
 * ciphertext, the nonce, or the exchange and kind it is bound to, was altered or moved). The message names the
 * exchange reference and the key id, never any content or key material.
 */
public final class ContentUnsealingException extends IllegalStateException {

    private final String keyId;

    ContentUnsealingException(String message, String keyId, Throwable cause) {
        super(message, cause);
        this.keyId = keyId;
    }

    /** The key id the content names. */
    public String keyId() {
        return keyId;
    }
}
