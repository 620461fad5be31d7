package uk.xborder.gateway.audit.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory, append-only RFC 9162 Merkle tree of leaf hashes that answers for <em>every</em> size it has had:
 * {@link #root(long)}, {@link #inclusionProof(long, long)} and {@link #consistencyProof(long, long)} for any
 * historical tree size are O(log n) lookups, not rebuilds.
 *
 * <p>How: the tree keeps every level. Level {@code j} holds the hash of each <em>complete</em> subtree of
 * {@code 2^j} leaves, {@code D[i*2^j : (i+1)*2^j]}, packed into byte arrays ({@link HashLevel}). Every subtree that
 * RFC 9162 needs for a tree of size {@code n} is either such a complete subtree or the right-hand "ragged edge"
 * {@code D[lo:hi]} with {@code lo} a multiple of a power of two greater than {@code hi - lo}; the ragged edge's
 * hash is the right fold of the complete subtrees given by the binary digits of {@code hi - lo}, at most 63 node
 * hashes. A complete subtree never changes once its last leaf is in, so old sizes need no history of their own.
 * Memory: about 64 bytes per leaf (32 for the leaf, 32 for all interior levels together).
 *
 * <p>Thread-safety: {@link #append} is serialised; readers never block. A reader takes the published size once and
 * reads only nodes below it, which were all written before that size was published (volatile write/read).
 *
 * <p>Hashes go in and out as copies: nobody can change the tree through an array they hold.
 */
public final class MerkleTree {

    /** Levels 0 (leaves) to 63: enough for any {@code long} size. */
    private static final int MAX_LEVELS = 64;

    private final Object appendLock = new Object();
    private final HashLevel[] levels = new HashLevel[MAX_LEVELS];
    /** Used by the appender only, under {@link #appendLock}. */
    private final MerkleHash.Hasher appendHasher = new MerkleHash.Hasher();
    private volatile long size;

    public MerkleTree() {
        for (int level = 0; level < MAX_LEVELS; level++) {
            levels[level] = new HashLevel();
        }
    }

    /** A tree of the given leaf hashes, in order: how a store rebuilds its tree at start-up. */
    public static MerkleTree of(Iterable<byte[]> leafHashes) {
        MerkleTree tree = new MerkleTree();
        for (byte[] leafHash : leafHashes) {
            tree.append(leafHash);
        }
        return tree;
    }

    /**
     * Appends one leaf hash ({@link MerkleHash#leaf} of the entry's canonical bytes) and completes every subtree it
     * closes; returns the new leaf's index. Amortised one node hash per leaf.
     */
    public long append(byte[] leafHash) {
        requireHash(leafHash, "leafHash");
        synchronized (appendLock) {
            long index = size;
            byte[] leafChunk = levels[0].chunkForWrite(index);
            System.arraycopy(leafHash, 0, leafChunk, HashLevel.offset(index), MerkleHash.SIZE);
            // Node i of a level is a right child when i is odd: then its parent is complete now.
            long node = index;
            for (int level = 0; (node & 1) == 1; level++, node >>>= 1) {
                HashLevel children = levels[level];
                byte[] parentChunk = levels[level + 1].chunkForWrite(node >>> 1);
                appendHasher.node(children.chunk(node - 1), HashLevel.offset(node - 1),
                        children.chunk(node), HashLevel.offset(node),
                        parentChunk, HashLevel.offset(node >>> 1));
            }
            size = index + 1; // publishes everything written above to readers
            return index;
        }
    }

    /** Number of leaves. */
    public long size() {
        return size;
    }

    /** The root hash of the current tree ({@link MerkleHash#emptyRoot()} when empty). */
    public byte[] root() {
        return root(size);
    }

    /** The root hash the tree had when it held {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        requireSize(treeSize);
        if (treeSize == 0) {
            return MerkleHash.emptyRoot();
        }
        return subtreeHash(0, treeSize, new MerkleHash.Hasher());
    }

    /** The hash of leaf {@code index}, as appended. */
    public byte[] leafHash(long index) {
        long published = size;
        if (index < 0 || index >= published) {
            throw new IndexOutOfBoundsException("leaf " + index + " is not in a tree of " + published);
        }
        return levels[0].copy(index);
    }

    /**
     * RFC 9162 section 2.1.3.1 inclusion proof (audit path) for leaf {@code leafIndex} in the tree of
     * {@code treeSize} leaves: the sibling hashes from the leaf upwards.
     */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        requireSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        MerkleHash.Hasher hasher = new MerkleHash.Hasher();
        // PATH(m, D[lo:hi]) recurses into the half holding m; the other half's hash joins the path after the
        // deeper elements, so collect top-down and reverse.
        List<byte[]> topDown = new ArrayList<>(64);
        long lo = 0;
        long hi = treeSize;
        while (hi - lo > 1) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (leafIndex < lo + k) {
                topDown.add(subtreeHash(lo + k, hi, hasher));
                hi = lo + k;
            } else {
                topDown.add(subtreeHash(lo, lo + k, hasher));
                lo = lo + k;
            }
        }
        Collections.reverse(topDown);
        return new InclusionProof(leafIndex, treeSize, topDown);
    }

    /**
     * RFC 9162 section 2.1.4.1 consistency proof that the tree of {@code fromSize} leaves is a prefix of the tree of
     * {@code toSize} leaves. Empty when {@code fromSize} is 0 or equals {@code toSize}: there is nothing to prove.
     */
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        requireSize(toSize);
        if (fromSize < 0 || fromSize > toSize) {
            throw new IllegalArgumentException("cannot prove a tree of " + fromSize + " consistent with a tree of "
                    + toSize);
        }
        if (fromSize == 0 || fromSize == toSize) {
            return new ConsistencyProof(fromSize, toSize, List.of());
        }
        MerkleHash.Hasher hasher = new MerkleHash.Hasher();
        // SUBPROOF(m, D[lo:hi], b), iteratively; m stays an absolute size, lo moves right as we descend.
        List<byte[]> topDown = new ArrayList<>(64);
        long lo = 0;
        long hi = toSize;
        boolean startsAtOldRoot = true;
        while (fromSize - lo != hi - lo) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (fromSize - lo <= k) {
                topDown.add(subtreeHash(lo + k, hi, hasher));
                hi = lo + k;
            } else {
                topDown.add(subtreeHash(lo, lo + k, hasher));
                lo = lo + k;
                startsAtOldRoot = false;
            }
        }
        if (!startsAtOldRoot) {
            topDown.add(subtreeHash(lo, hi, hasher));
        }
        Collections.reverse(topDown);
        return new ConsistencyProof(fromSize, toSize, topDown);
    }

    /**
     * MTH(D[lo:hi]) for a range whose start is a multiple of a power of two at least {@code hi - lo} (every range
     * RFC 9162 proofs ask for): the complete subtrees given by the binary digits of {@code hi - lo}, largest first,
     * folded from the right.
     */
    private byte[] subtreeHash(long lo, long hi, MerkleHash.Hasher hasher) {
        long width = hi - lo;
        int smallestLevel = Long.numberOfTrailingZeros(width);
        long end = hi - (1L << smallestLevel);
        byte[] folded = levels[smallestLevel].copy(end >>> smallestLevel);
        long remaining = width - (1L << smallestLevel);
        while (remaining != 0) {
            int level = Long.numberOfTrailingZeros(remaining);
            end -= 1L << level;
            HashLevel hashes = levels[level];
            long node = end >>> level;
            hasher.node(hashes.chunk(node), HashLevel.offset(node), folded, 0, folded, 0);
            remaining -= 1L << level;
        }
        return folded;
    }

    /** The largest power of two strictly below {@code n} (n at least 2): RFC 9162's split point k. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void requireSize(long treeSize) {
        long published = size;
        if (treeSize < 0 || treeSize > published) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + published);
        }
    }

    static void requireHash(byte[] hash, String what) {
        Objects.requireNonNull(hash, what);
        if (hash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException(what + " must be " + MerkleHash.SIZE + " bytes, not " + hash.length);
        }
    }

    @Override
    public String toString() {
        return "MerkleTree[size=" + size + "]";
    }
}
