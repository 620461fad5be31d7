package uk.xborder.gateway.audit.checkpoint;

import java.time.Instant;

/**
 * A statement of the log's state: after {@code treeSize} entries the Merkle root was {@code rootHash}. The gateway
 * signs checkpoints with its audit key ({@code keyId}: hex SHA-256 of the key's SubjectPublicKeyInfo).
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant time, String keyId) {
}
