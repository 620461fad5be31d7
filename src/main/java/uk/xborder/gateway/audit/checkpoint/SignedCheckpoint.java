package uk.xborder.gateway.audit.checkpoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * A checkpoint and the audit key's signature over its canonical bytes ({@link CheckpointCodec#signedBytes}). The
 * signature is copied in and out.
 */
public record SignedCheckpoint(Checkpoint checkpoint, byte[] signature) {

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(signature, "signature");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that && checkpoint.equals(that.checkpoint)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * checkpoint.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint + ", signature=" + signature.length + " bytes]";
    }
}
