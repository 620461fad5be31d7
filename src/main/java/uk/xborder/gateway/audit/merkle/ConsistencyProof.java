package uk.xborder.gateway.audit.merkle;

import java.util.List;

/** RFC 9162 consistency proof that the tree of {@code fromSize} leaves is a prefix of the tree of {@code toSize}. */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> path) {

    public ConsistencyProof {
        path = List.copyOf(path);
    }
}
