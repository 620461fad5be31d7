package uk.xborder.gateway.audit.evidence;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.InclusionProof;

/**
 * Evidence that some audit entries are in the gateway's audit log, self-contained for offline checking: the
 * entries' canonical bytes, every signed checkpoint up to the latest, consistency proofs between consecutive
 * checkpoints, an inclusion proof of each entry in the latest checkpoint, and the audit certificate chain. The JSON
 * form is {@link EvidenceBundleCodec}'s and is documented in {@code docs/audit-evidence.md}.
 *
 * @param createdAt             when the bundle was made
 * @param selection             what was selected, for the reader (and, for a range, checked for completeness)
 * @param auditCertificateChain the audit certificate first, then the CAs that issued it, nearest first
 * @param checkpoints           every signed checkpoint up to the latest, oldest first
 * @param consistencyProofs     one per pair of consecutive checkpoints, in the same order
 * @param entries               the selected entries in log order, each with its inclusion proof in the latest checkpoint
 */
public record EvidenceBundle(Instant createdAt, Selection selection, List<X509Certificate> auditCertificateChain,
                             List<SignedCheckpoint> checkpoints, List<ConsistencyProof> consistencyProofs,
                             List<Entry> entries) {

    /** The {@code format} field: names this kind of document. */
    public static final String FORMAT = "xborder-gateway-audit-evidence";

    /** The {@code version} field: this form of the bundle. */
    public static final int VERSION = 1;

    /** The {@code merkleHash} field: how leaves and nodes are hashed. */
    public static final String MERKLE_HASH = "RFC9162_SHA256";

    public EvidenceBundle {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(selection, "selection");
        auditCertificateChain = List.copyOf(auditCertificateChain);
        checkpoints = List.copyOf(checkpoints);
        consistencyProofs = List.copyOf(consistencyProofs);
        entries = List.copyOf(entries);
    }

    /**
     * What the exporter was asked for. A range ({@code fromSeq} inclusive to {@code toSeq} exclusive) is complete by
     * construction, and the verifier checks that no entry of it is missing; a search result cannot be checked for
     * completeness offline, so its description says what was searched for.
     */
    public record Selection(String description, Long fromSeq, Long toSeq) {

        public Selection {
            Objects.requireNonNull(description, "description");
            if ((fromSeq == null) != (toSeq == null)) {
                throw new IllegalArgumentException("a range has both ends or neither");
            }
            if (fromSeq != null && (fromSeq < 0 || toSeq < fromSeq)) {
                throw new IllegalArgumentException("a range runs from 0 or more up to at least its start");
            }
        }

        public static Selection range(long fromSeq, long toSeq) {
            String description = toSeq - fromSeq == 1 ? "entry " + fromSeq
                    : "entries " + fromSeq + " to " + (toSeq - 1) + " (" + (toSeq - fromSeq) + " entries)";
            return new Selection(description, fromSeq, toSeq);
        }

        public static Selection search(String description) {
            return new Selection(description, null, null);
        }

        public boolean isRange() {
            return fromSeq != null;
        }
    }

    /** One selected entry: its seq, its canonical bytes ({@code EntryCodec.canonical}) and its inclusion proof. */
    public record Entry(long seq, byte[] canonical, InclusionProof inclusionProof) {

        public Entry {
            Objects.requireNonNull(canonical, "canonical");
            Objects.requireNonNull(inclusionProof, "inclusionProof");
            canonical = canonical.clone();
        }

        @Override
        public byte[] canonical() {
            return canonical.clone();
        }

        @Override
        public String toString() {
            return "Entry[seq=" + seq + ", " + canonical.length + " bytes]";
        }
    }
}
