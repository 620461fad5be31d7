package uk.xborder.gateway.audit.merkle;

/**
 * The root of a growing RFC 9162 tree from its leaf hashes, in O(log n) memory: it keeps only the roots of the
 * complete subtrees along the right edge (a "compact range" from 0), which is all a verifier that replays a log
 * needs. No allocation per leaf. Not thread-safe: one replay, one accumulator.
 */
public final class RootAccumulator {

    /** Roots of complete subtrees, largest first; at most one per bit of the size. */
    private final byte[][] stack = new byte[64][MerkleHash.SIZE];
    private final MerkleHash.Hasher hasher = new MerkleHash.Hasher();
    private int height;
    private long size;

    public void append(byte[] leafHash) {
        MerkleTree.requireHash(leafHash, "leafHash");
        append(leafHash, 0);
    }

    /** Appends the leaf hash at {@code hashes[offset .. offset + 32)}. */
    public void append(byte[] hashes, int offset) {
        if (offset < 0 || offset + MerkleHash.SIZE > hashes.length) {
            throw new IllegalArgumentException("no 32-byte hash at offset " + offset);
        }
        System.arraycopy(hashes, offset, stack[height], 0, MerkleHash.SIZE);
        height++;
        // Each trailing 1 bit of the old size is a complete subtree that the new leaf's subtree now joins.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            hasher.node(stack[height - 2], 0, stack[height - 1], 0, stack[height - 2], 0);
            height--;
        }
        size++;
    }

    public long size() {
        return size;
    }

    /** The root of the leaves appended so far ({@link MerkleHash#emptyRoot()} for none). */
    public byte[] root() {
        if (size == 0) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = stack[height - 1].clone();
        for (int i = height - 2; i >= 0; i--) {
            hasher.node(stack[i], 0, root, 0, root, 0);
        }
        return root;
    }
}
