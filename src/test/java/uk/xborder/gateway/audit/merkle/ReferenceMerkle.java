package uk.xborder.gateway.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1 written out literally, recursion and all: MTH, PATH and SUBPROOF over a list of leaf hashes.
 * Slow and obviously right; the tests hold {@link MerkleTree} to it.
 */
final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    static byte[] mth(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(n - 1);
        return MerkleHash.node(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> result = new ArrayList<>();
        if (n <= 1) {
            return result;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            result.addAll(path(m, leaves.subList(0, k)));
            result.add(mth(leaves.subList(k, n)));
        } else {
            result.addAll(path(m - k, leaves.subList(k, n)));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }

    static List<byte[]> proof(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        int n = leaves.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(leaves));
            }
            return result;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            result.addAll(subproof(m, leaves.subList(0, k), b));
            result.add(mth(leaves.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, leaves.subList(k, n), false));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }
}
