package uk.xborder.gateway.audit.merkle;

import java.security.MessageDigest;
import java.util.List;

import static uk.xborder.gateway.audit.merkle.ProofVerificationException.Reason;
import static uk.xborder.gateway.audit.merkle.ProofVerificationException.hex;

/**
 * Checks an RFC 9162 inclusion proof (section 2.1.3.2): that a leaf hash is at {@code leafIndex} in the tree of
 * {@code treeSize} leaves whose root is {@code expectedRoot}. Needs nothing but its arguments: an auditor runs it
 * offline. Returns nothing and throws on any failure, like a Tink {@code verify}.
 */
public final class InclusionProofVerifier {

    private InclusionProofVerifier() {
    }

    /**
     * @param leafHash     {@link MerkleHash#leaf} of the entry's canonical bytes
     * @param proof        the audit path, from the leaf upwards
     * @param expectedRoot the root the proof must lead to, e.g. from a signed checkpoint of size {@code proof.treeSize()}
     * @throws ProofVerificationException saying which rule failed; for a wrong root, naming both roots
     */
    public static void verify(byte[] leafHash, InclusionProof proof, byte[] expectedRoot)
            throws ProofVerificationException {
        requireHash(leafHash, "leaf hash");
        requireHash(expectedRoot, "expected root");
        long index = proof.leafIndex();
        long size = proof.treeSize();
        if (index < 0 || size <= 0 || index >= size) {
            throw new ProofVerificationException(Reason.INDEX_OUT_OF_RANGE, "leaf index " + index
                    + " is not in a tree of size " + size + " (expected root " + hex(expectedRoot) + ")");
        }
        List<byte[]> path = proof.path();
        int expectedLength = ProofShape.inclusionPathLength(index, size);
        if (path.size() != expectedLength) {
            throw new ProofVerificationException(Reason.WRONG_PATH_LENGTH, "inclusion proof for leaf " + index
                    + " in a tree of size " + size + " has " + path.size() + " hashes; it must have "
                    + expectedLength + " (expected root " + hex(expectedRoot) + ")");
        }
        for (int i = 0; i < path.size(); i++) {
            requireHash(path.get(i), "path element " + i);
        }
        byte[] computed = rootFromPath(leafHash, index, size, path);
        if (!MessageDigest.isEqual(computed, expectedRoot)) {
            throw new ProofVerificationException(Reason.ROOT_MISMATCH, "inclusion proof for leaf " + index
                    + " in a tree of size " + size + " leads to root " + hex(computed) + ", not the expected root "
                    + hex(expectedRoot));
        }
    }

    /** The root that an audit path leads to, RFC 9162 section 2.1.3.2 steps 2-5 (the length is already checked). */
    private static byte[] rootFromPath(byte[] leafHash, long index, long size, List<byte[]> path)
            throws ProofVerificationException {
        MerkleHash.Hasher hasher = new MerkleHash.Hasher();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash.clone();
        for (byte[] p : path) {
            if ((fn & 1) == 1 || fn == sn) {
                hasher.node(p, 0, r, 0, r, 0);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                hasher.node(r, 0, p, 0, r, 0);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // With the length checked against the proof's shape sn is 0 here; the spec's own check stays as a guard.
        if (sn != 0) {
            throw new ProofVerificationException(Reason.WRONG_PATH_LENGTH, "inclusion proof for leaf " + index
                    + " in a tree of size " + size + " ends below the root");
        }
        return r;
    }

    static void requireHash(byte[] hash, String what) throws ProofVerificationException {
        if (hash == null || hash.length != MerkleHash.SIZE) {
            throw new ProofVerificationException(Reason.MALFORMED_HASH, what + " is "
                    + (hash == null ? "missing" : hash.length + " bytes") + ", not a " + MerkleHash.SIZE
                    + "-byte hash");
        }
    }
}
