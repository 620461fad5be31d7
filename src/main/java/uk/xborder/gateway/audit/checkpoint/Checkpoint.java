package uk.xborder.gateway.audit.checkpoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

import uk.xborder.gateway.audit.merkle.MerkleHash;

/**
 * A statement of the log's state: after {@code treeSize} entries the Merkle root was {@code rootHash}. The gateway
 * signs checkpoints with its audit key ({@code keyId}: hex SHA-256 of the key's SubjectPublicKeyInfo, see
 * {@link AuditKeyId}); what exactly is signed is {@link CheckpointCodec#signedBytes}.
 *
 * <p>The time is kept to the microsecond, as databases keep it, so that a checkpoint read back from the store signs
 * the same text it was signed with. The root is copied in and out: a checkpoint cannot be changed after the fact.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant time, String keyId) {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("a checkpoint's tree size cannot be negative");
        }
        Objects.requireNonNull(rootHash, "rootHash");
        if (rootHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a checkpoint's root must be a " + MerkleHash.SIZE + "-byte hash");
        }
        rootHash = rootHash.clone();
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(keyId, "keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 64 lower-case hex digits (SHA-256)");
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && treeSize == that.treeSize && Arrays.equals(rootHash, that.rootHash)
                && time.equals(that.time) && keyId.equals(that.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treeSize, Arrays.hashCode(rootHash), time, keyId);
    }

    @Override
    public String toString() {
        return "Checkpoint[treeSize=" + treeSize + ", root=" + HexFormat.of().formatHex(rootHash) + ", time=" + time
                + ", keyId=" + keyId + "]";
    }
}
