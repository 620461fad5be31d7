package uk.xborder.gateway.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import static uk.xborder.gateway.audit.merkle.InclusionProofVerifier.requireHash;
import static uk.xborder.gateway.audit.merkle.ProofVerificationException.Reason;
import static uk.xborder.gateway.audit.merkle.ProofVerificationException.hex;

/**
 * Checks an RFC 9162 consistency proof (section 2.1.4.2): that the tree of {@code fromSize} leaves with root
 * {@code oldRoot} is a prefix of the tree of {@code toSize} leaves with root {@code newRoot} — nothing before
 * {@code fromSize} was changed, removed or reordered. Needs nothing but its arguments; returns nothing and throws
 * on any failure.
 *
 * <p>Edge cases, strictly: equal sizes need an empty path and equal roots; from size 0 needs an empty path and the
 * empty tree's root as {@code oldRoot} (any tree extends the empty one).
 */
public final class ConsistencyProofVerifier {

    private ConsistencyProofVerifier() {
    }

    /**
     * @throws ProofVerificationException saying which rule failed; for a wrong root, naming the expected and the
     *     computed root
     */
    public static void verify(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot)
            throws ProofVerificationException {
        requireHash(oldRoot, "old root");
        requireHash(newRoot, "new root");
        long m = proof.fromSize();
        long n = proof.toSize();
        List<byte[]> path = proof.path();
        if (m < 0 || n < 0) {
            throw new ProofVerificationException(Reason.INDEX_OUT_OF_RANGE, "tree sizes " + m + " and " + n
                    + " cannot be negative");
        }
        if (m > n) {
            throw new ProofVerificationException(Reason.SIZES_OUT_OF_ORDER, "a consistency proof goes from a smaller"
                    + " tree to a larger one, not from size " + m + " to size " + n);
        }
        for (int i = 0; i < path.size(); i++) {
            requireHash(path.get(i), "path element " + i);
        }
        if (m == n || m == 0) {
            requireEmptyPath(path, m, n);
            if (m == 0 && !MessageDigest.isEqual(oldRoot, MerkleHash.emptyRoot())) {
                throw new ProofVerificationException(Reason.ROOT_MISMATCH, "the old tree is empty, so the old root"
                        + " must be the empty tree's root " + hex(MerkleHash.emptyRoot()) + ", not " + hex(oldRoot));
            }
            if (m == n && !MessageDigest.isEqual(oldRoot, newRoot)) {
                throw new ProofVerificationException(Reason.ROOT_MISMATCH, "the trees have the same size " + m
                        + ", so their roots must be equal, but the old root is " + hex(oldRoot) + " and the new root "
                        + hex(newRoot));
            }
            return;
        }
        int expectedLength = ProofShape.consistencyPathLength(m, n);
        if (path.size() != expectedLength) {
            throw new ProofVerificationException(Reason.WRONG_PATH_LENGTH, "consistency proof from size " + m
                    + " to size " + n + " has " + path.size() + " hashes; it must have " + expectedLength
                    + " (old root " + hex(oldRoot) + ", new root " + hex(newRoot) + ")");
        }
        byte[][] computed = rootsFromPath(m, n, path, oldRoot);
        boolean oldMatches = MessageDigest.isEqual(computed[0], oldRoot);
        boolean newMatches = MessageDigest.isEqual(computed[1], newRoot);
        if (!oldMatches || !newMatches) {
            throw new ProofVerificationException(Reason.ROOT_MISMATCH, "consistency proof from size " + m
                    + " to size " + n + " does not lead to the expected roots: old root expected " + hex(oldRoot)
                    + ", computed " + hex(computed[0]) + "; new root expected " + hex(newRoot) + ", computed "
                    + hex(computed[1]));
        }
    }

    /** RFC 9162 section 2.1.4.2 steps 2-7: the old and the new root the path leads to. */
    private static byte[][] rootsFromPath(long m, long n, List<byte[]> path, byte[] oldRoot)
            throws ProofVerificationException {
        List<byte[]> hashes = path;
        if (Long.bitCount(m) == 1) {
            // A power-of-two old tree is a complete subtree of the new one: its root starts the walk.
            hashes = new ArrayList<>(path.size() + 1);
            hashes.add(oldRoot);
            hashes.addAll(path);
        }
        MerkleHash.Hasher hasher = new MerkleHash.Hasher();
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = hashes.get(0).clone();
        byte[] sr = hashes.get(0).clone();
        for (int i = 1; i < hashes.size(); i++) {
            byte[] c = hashes.get(i);
            if (sn == 0) {
                throw new ProofVerificationException(Reason.WRONG_PATH_LENGTH, "consistency proof from size " + m
                        + " to size " + n + " goes on above the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                hasher.node(c, 0, fr, 0, fr, 0);
                hasher.node(c, 0, sr, 0, sr, 0);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                hasher.node(sr, 0, c, 0, sr, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofVerificationException(Reason.WRONG_PATH_LENGTH, "consistency proof from size " + m
                    + " to size " + n + " ends below the root");
        }
        return new byte[][] {fr, sr};
    }

    private static void requireEmptyPath(List<byte[]> path, long m, long n) throws ProofVerificationException {
        if (!path.isEmpty()) {
            throw new ProofVerificationException(Reason.WRONG_PATH_LENGTH, "a consistency proof from size " + m
                    + " to size " + n + " has no hashes, but this one has " + path.size());
        }
    }
}
