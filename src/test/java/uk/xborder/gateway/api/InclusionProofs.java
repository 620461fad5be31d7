package uk.xborder.gateway.api;

import java.util.Arrays;
import java.util.List;

import uk.xborder.gateway.audit.merkle.MerkleHash;

/** RFC 9162 section 2.1.3.2 inclusion proof verification, for checking what the API returns. */
final class InclusionProofs {

    private InclusionProofs() {
    }

    static boolean verify(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }
}
