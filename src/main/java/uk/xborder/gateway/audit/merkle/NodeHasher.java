package uk.xborder.gateway.audit.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 9162 node hash ({@code SHA-256(0x01 || left || right)}, as {@link MerkleHash#node}) over hashes that sit
 * inside larger arrays, writing the result into another array: building a tree of a million leaves then allocates
 * nothing per node. One instance per thread: it holds a {@link MessageDigest}, which is not thread-safe.
 */
final class NodeHasher {

    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest sha256;

    NodeHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Writes the node hash of the two hashes at {@code left[leftOffset]} and {@code right[rightOffset]} to {@code out[outOffset]}. */
    void node(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
        sha256.update(NODE_PREFIX);
        sha256.update(left, leftOffset, MerkleHash.SIZE);
        sha256.update(right, rightOffset, MerkleHash.SIZE);
        try {
            sha256.digest(out, outOffset, MerkleHash.SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output does not fit 32 bytes", e);
        }
    }

    /** A new array holding the node hash of two whole hashes. */
    byte[] node(byte[] left, byte[] right) {
        byte[] out = new byte[MerkleHash.SIZE];
        node(left, 0, right, 0, out, 0);
        return out;
    }
}
