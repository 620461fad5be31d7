package uk.xborder.gateway.audit.store;

import java.time.Duration;
import java.time.Instant;

import uk.xborder.gateway.audit.checkpoint.Checkpoint;

/**
 * How far the signed checkpoints trail the log, as this node sees it: in entries (tree size minus the size of the
 * latest checkpoint) and in time (how long the oldest entry not yet covered by a checkpoint has been waiting). An
 * auditor can only rely on what a checkpoint covers, so both are alerting metrics.
 */
final class CheckpointLag {

    private long coveredSize;
    /** When entries beyond {@link #coveredSize} were first seen; null while every entry is covered. */
    private Instant uncoveredSince;

    synchronized void appended(long treeSize, Instant now) {
        if (treeSize > coveredSize && uncoveredSince == null) {
            uncoveredSince = now;
        }
    }

    synchronized void covered(Checkpoint checkpoint, long treeSize) {
        coveredSize = Math.max(coveredSize, checkpoint.treeSize());
        if (treeSize <= coveredSize) {
            uncoveredSince = null;
        } else if (uncoveredSince == null || uncoveredSince.isBefore(checkpoint.time())) {
            // Entries after the checkpoint arrived no earlier than it was made (as far as this node can tell).
            uncoveredSince = checkpoint.time();
        }
    }

    synchronized long coveredSize() {
        return coveredSize;
    }

    synchronized long entries(long treeSize) {
        return Math.max(0, treeSize - coveredSize);
    }

    synchronized double seconds(Instant now) {
        return uncoveredSince == null ? 0 : Math.max(0, Duration.between(uncoveredSince, now).toMillis() / 1000.0);
    }
}
