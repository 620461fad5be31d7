package uk.xborder.gateway.audit.merkle;

import java.util.List;

/**
 * RFC 9162 inclusion proof (audit path) that the leaf at {@code leafIndex} is in the tree of {@code treeSize}
 * leaves.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = List.copyOf(path);
    }
}
