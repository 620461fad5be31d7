package uk.xborder.gateway.audit.checkpoint;

/** A checkpoint and the audit key's signature over its canonical bytes. */
public record SignedCheckpoint(Checkpoint checkpoint, byte[] signature) {
}
