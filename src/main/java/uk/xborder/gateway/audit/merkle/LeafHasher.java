package uk.xborder.gateway.audit.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 9162 leaf hash ({@code SHA-256(0x00 || data)}, as {@link MerkleHash#leaf}) written into a caller's array,
 * reusing one {@link MessageDigest}: for verifiers that hash millions of entries. Not thread-safe: one per thread.
 */
public final class LeafHasher {

    private static final byte LEAF_PREFIX = 0x00;

    private final MessageDigest sha256;

    public LeafHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Writes the leaf hash of {@code data} to {@code out[offset .. offset + 32)}. */
    public void leaf(byte[] data, byte[] out, int offset) {
        sha256.update(LEAF_PREFIX);
        sha256.update(data);
        try {
            sha256.digest(out, offset, MerkleHash.SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output does not fit 32 bytes", e);
        }
    }
}
