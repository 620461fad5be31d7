package uk.xborder.gateway.crypto;

/**
 * The message has no recipient entry for any key we hold: it was encrypted for someone else (or for a key we no
 * longer have). Nothing was attempted with our keys.
 */
public class NotEncryptedForUsException extends DecryptionFailedException {

    private static final long serialVersionUID = 1L;

    public NotEncryptedForUsException(String message) {
        super(message);
    }
}
