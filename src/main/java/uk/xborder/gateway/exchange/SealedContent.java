package uk.xborder.gateway.exchange;

import java.util.Objects;

/**
 * Content as the store keeps it: the id of the key it was sealed under, the 96-bit GCM nonce, and the ciphertext
 * with its 128-bit tag. Nothing here is secret.
 */
public record SealedContent(String keyId, byte[] nonce, byte[] ciphertext) {

    public SealedContent {
        Objects.requireNonNull(keyId, "keyId");
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "SealedContent[key " + keyId + ", " + ciphertext.length + " bytes]";
    }
}
