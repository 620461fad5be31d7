package uk.xborder.gateway.audit.merkle;

/**
 * The root of a growing RFC 9162 tree from its leaf hashes, in O(log n) memory: it keeps only the roots of the
 * complete subtrees along the right edge (a "compact range" from 0), which is all a verifier that replays a log
 * needs. No allocation per leaf. Not thread-safe: one replay, one accumulator.
 */
public final class RootAccumulator {

    /** Roots of complete subtrees, largest first; at most one per bit of the size. */
    private final byte[][] stack = new byte[64][MerkleHash.SIZE];
    private final NodeHasher hasher = new NodeHasher();
    private int height;
    private long size;

    public void append(byte[] leafHash) {
        MerkleTree.requireHash(leafHash, "leafHash");
        System.arraycopy(leafHash, 0, stack[height], 0, MerkleHash.SIZE);
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
