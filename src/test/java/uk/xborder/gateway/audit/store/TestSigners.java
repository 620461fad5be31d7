package uk.xborder.gateway.audit.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;

import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;

/** TEMPORARY: a stand-in signer until wt-merkle's real one is merged. */
final class TestSigners {

    static final String KEY_ID = "a".repeat(64);

    private TestSigners() {
    }

    static CheckpointSigner signer(Clock clock) {
        return (size, root) -> {
            Checkpoint checkpoint = new Checkpoint(size, root, DbTime.micros(clock.instant()), KEY_ID);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(ByteBuffer.allocate(8).putLong(size).array());
                sha.update(root);
                return new SignedCheckpoint(checkpoint, sha.digest());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
