package uk.xborder.gateway.api;

import java.util.OptionalLong;

/**
 * An inclusion proof asked for: of entry {@code seq}, against the signed checkpoint of {@code treeSize} entries, or
 * against the latest checkpoint that covers the entry when no size is given.
 */
public record ProofRequest(long seq, OptionalLong treeSize) {
}
