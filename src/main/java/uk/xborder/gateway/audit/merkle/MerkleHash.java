package uk.xborder.gateway.audit.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Leaf and node hashing of RFC 9162 (Certificate Transparency 2.0), section 2.1.1, side by side: a leaf is
 * SHA-256(0x00 || data), an interior node SHA-256(0x01 || left || right). The distinct prefixes keep a leaf from ever
 * being passed off as a node (second-preimage resistance). This is the only place that knows them.
 */
public final class MerkleHash {

    /** Length of every hash, in bytes. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    public static byte[] leaf(byte[] data) {
        byte[] out = new byte[SIZE];
        new Hasher().leaf(data, out, 0);
        return out;
    }

    public static byte[] node(byte[] left, byte[] right) {
        return new Hasher().node(left, right);
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

    /**
     * The same two hashes for code that hashes millions of times: reuses one {@link MessageDigest} and reads and
     * writes hashes inside larger arrays, so building a tree or verifying a log allocates nothing per hash. Not
     * thread-safe: one per thread.
     */
    public static final class Hasher {

        private final MessageDigest sha256 = sha256();

        /** Writes the leaf hash of {@code data} to {@code out[offset .. offset + 32)}. */
        public void leaf(byte[] data, byte[] out, int offset) {
            leaf(data, 0, data.length, out, offset);
        }

        /** Writes the leaf hash of {@code data[from .. from + length)} to {@code out[offset .. offset + 32)}. */
        public void leaf(byte[] data, int from, int length, byte[] out, int offset) {
            sha256.update(LEAF_PREFIX);
            sha256.update(data, from, length);
            finish(out, offset);
        }

        /** Writes the node hash of the hashes at {@code left[leftOffset]} and {@code right[rightOffset]}. */
        public void node(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
            sha256.update(NODE_PREFIX);
            sha256.update(left, leftOffset, SIZE);
            sha256.update(right, rightOffset, SIZE);
            finish(out, outOffset);
        }

        /** A new array holding the node hash of two whole hashes. */
        public byte[] node(byte[] left, byte[] right) {
            byte[] out = new byte[SIZE];
            node(left, 0, right, 0, out, 0);
            return out;
        }

        private void finish(byte[] out, int offset) {
            try {
                sha256.digest(out, offset, SIZE);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 output does not fit 32 bytes", e);
            }
        }
    }
}
