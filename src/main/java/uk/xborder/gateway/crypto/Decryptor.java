package uk.xborder.gateway.crypto;

/** Decrypts a message encrypted to this party, and proves it was not altered on the way. */
@FunctionalInterface
public interface Decryptor {

    /**
     * The plaintext of a DER-encoded CMS AuthEnvelopedData.
     *
     * @throws DecryptionFailedException if the message is malformed, not for this party, uses an algorithm
     *     outside {@link CryptoProfile}, or fails its authentication tag (it was altered)
     */
    byte[] decrypt(byte[] authEnvelopedDer) throws DecryptionFailedException;
}
