package uk.xborder.gateway.audit.merkle;

/**
 * How many hashes an RFC 9162 proof has, from the sizes alone, by walking the same recursion that builds it. The
 * verifiers check a path's length against this first, so a truncated or padded path is refused as such instead of
 * surfacing as a confusing root mismatch.
 */
final class ProofShape {

    private ProofShape() {
    }

    /** Length of PATH(leafIndex, D[0:treeSize]); {@code 0 <= leafIndex < treeSize}. */
    static int inclusionPathLength(long leafIndex, long treeSize) {
        int length = 0;
        long lo = 0;
        long hi = treeSize;
        while (hi - lo > 1) {
            long k = MerkleTree.largestPowerOfTwoBelow(hi - lo);
            if (leafIndex < lo + k) {
                hi = lo + k;
            } else {
                lo = lo + k;
            }
            length++;
        }
        return length;
    }

    /** Length of PROOF(fromSize, D[0:toSize]); {@code 0 < fromSize < toSize}. */
    static int consistencyPathLength(long fromSize, long toSize) {
        int length = 0;
        long lo = 0;
        long hi = toSize;
        boolean startsAtOldRoot = true;
        while (fromSize - lo != hi - lo) {
            long k = MerkleTree.largestPowerOfTwoBelow(hi - lo);
            if (fromSize - lo <= k) {
                hi = lo + k;
            } else {
                lo = lo + k;
                startsAtOldRoot = false;
            }
            length++;
        }
        return startsAtOldRoot ? length : length + 1;
    }
}
