package uk.xborder.gateway.audit.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a verification: either everything checked out, or the first problem found, with how much was
 * checked and how long it took. The problem is a sentence for a person (naming entry seqs and checkpoint sizes,
 * never entry content) plus a {@link FailureCode} for programs.
 *
 * @param ok                        whether everything checked out
 * @param failure                   the first problem's code; null when ok
 * @param problem                   the first problem in a sentence; null when ok
 * @param entriesChecked            entries whose hash and place in the tree were checked
 * @param checkpointsChecked        signed checkpoints checked (signature and root)
 * @param signedTreeSize            the size of the latest checkpoint checked: what the audit key vouches for
 * @param entriesAfterLatestCheckpoint entries checked against their stored hashes only, because no checkpoint yet
 *                                  covers them
 * @param timeTaken                 wall-clock time of the verification
 */
public record VerificationReport(boolean ok, FailureCode failure, String problem, long entriesChecked,
                                 long checkpointsChecked, long signedTreeSize, long entriesAfterLatestCheckpoint,
                                 Duration timeTaken) {

    public VerificationReport {
        if (ok != (failure == null) || ok != (problem == null)) {
            throw new IllegalArgumentException("a report is ok, or has a failure code and a problem sentence");
        }
        Objects.requireNonNull(timeTaken, "timeTaken");
    }

    /** A one-line summary for people and logs. */
    public String summary() {
        String counts = entriesChecked + " entries and " + checkpointsChecked + " checkpoints checked in "
                + timeTaken.toMillis() + " ms";
        if (!ok) {
            return "FAILED (" + failure + "): " + problem + " [" + counts + "]";
        }
        String tail = entriesAfterLatestCheckpoint == 0 ? ""
                : "; " + entriesAfterLatestCheckpoint + " newer entries are not yet covered by a signed checkpoint";
        return "OK: the log up to size " + signedTreeSize + " is as signed" + tail + " [" + counts + "]";
    }
}
