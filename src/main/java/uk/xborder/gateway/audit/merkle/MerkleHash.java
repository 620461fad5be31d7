package uk.xborder.gateway.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Leaf and node hashing of RFC 9162 (Certificate Transparency 2.0), section 2.1.1, side by side: a leaf is
 * SHA-256(0x00 || data), an interior node SHA-256(0x01 || left || right). The distinct prefixes keep a leaf from ever
 * being passed off as a node (second-preimage resistance).
 */
public final class MerkleHash {

    /** Length of every hash, in bytes. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
