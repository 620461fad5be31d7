package uk.xborder.gateway.audit.evidence;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointKeyMismatchException;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerificationException;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.checkpoint.UntrustedAuditKeyException;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.ConsistencyProofVerifier;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.merkle.InclusionProofVerifier;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.audit.merkle.ProofVerificationException;
import uk.xborder.gateway.audit.verify.FailureCode;
import uk.xborder.gateway.audit.verify.VerificationReport;
import uk.xborder.gateway.crypto.CertificateValidator;

/**
 * Verifies an evidence bundle offline: no database, no network, nothing from the gateway but the bundle itself.
 * What it trusts is what the auditor configures: the trust anchors (and CRLs) that the audit certificate must chain
 * to. In order, it checks:
 * <ol>
 *   <li>the bundle parses strictly ({@link EvidenceBundleCodec#parse});</li>
 *   <li>the audit certificate chains to a trust anchor and is an audit-log signing certificate;</li>
 *   <li>every checkpoint names the audit key and its signature verifies; sizes grow;</li>
 *   <li>each consecutive pair of checkpoints is consistent (RFC 9162 consistency proof): one append-only log;</li>
 *   <li>each entry is canonical ({@link EntryCodec#parse}), appears once, lies below the latest checkpoint's size and
 *       is included in it (RFC 9162 inclusion proof); for a range selection, no entry of the range is missing.</li>
 * </ol>
 * The first failure is thrown as a {@link BundleVerificationException} with its {@link FailureCode}. Immutable and
 * thread-safe.
 */
public final class BundleVerifier {

    private final CertificateValidator validator;

    /** A verifier that trusts what {@code validator} trusts (anchors, CRLs, clock). */
    public BundleVerifier(CertificateValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * A verifier trusting {@code trustAnchors}, checking revocation against {@code crls}, or not at all when
     * {@code crls} is empty (say so to the auditor: a revoked audit key would then go unnoticed).
     */
    public static BundleVerifier trusting(Collection<X509Certificate> trustAnchors, Collection<X509CRL> crls) {
        CertificateValidator.Builder builder = CertificateValidator.builder().trustAnchors(trustAnchors);
        if (crls == null || crls.isEmpty()) {
            builder.withoutRevocationChecking();
        } else {
            builder.crls(crls);
        }
        return new BundleVerifier(builder.build());
    }

    /**
     * @return what was checked, if everything was
     * @throws BundleVerificationException the first problem found
     */
    public VerificationReport verify(byte[] bundleBytes) throws BundleVerificationException {
        Objects.requireNonNull(bundleBytes, "bundleBytes");
        long started = System.nanoTime();
        EvidenceBundle bundle = EvidenceBundleCodec.parse(bundleBytes);
        CheckpointVerifier checkpointVerifier = auditKey(bundle.auditCertificateChain());
        List<SignedCheckpoint> checkpoints = bundle.checkpoints();
        checkSignatures(checkpointVerifier, checkpoints);
        checkConsistency(checkpoints, bundle.consistencyProofs());
        Checkpoint latest = checkpoints.get(checkpoints.size() - 1).checkpoint();
        checkEntries(bundle, latest);
        return new VerificationReport(true, null, null, bundle.entries().size(), checkpoints.size(),
                latest.treeSize(), 0, Duration.ofNanos(System.nanoTime() - started));
    }

    private CheckpointVerifier auditKey(List<X509Certificate> chain) throws BundleVerificationException {
        try {
            return CheckpointVerifier.create(chain.get(0), chain.subList(1, chain.size()), validator);
        } catch (UntrustedAuditKeyException e) {
            throw new BundleVerificationException(FailureCode.UNTRUSTED_AUDIT_KEY, e.getMessage());
        }
    }

    private static void checkSignatures(CheckpointVerifier verifier, List<SignedCheckpoint> checkpoints)
            throws BundleVerificationException {
        long previousSize = -1;
        for (SignedCheckpoint signed : checkpoints) {
            long size = signed.checkpoint().treeSize();
            try {
                verifier.verify(signed);
            } catch (CheckpointKeyMismatchException e) {
                throw new BundleVerificationException(FailureCode.CHECKPOINT_KEY_MISMATCH, e.getMessage());
            } catch (CheckpointVerificationException e) {
                throw new BundleVerificationException(FailureCode.CHECKPOINT_SIGNATURE_INVALID, e.getMessage());
            }
            if (size <= previousSize) {
                throw new BundleVerificationException(FailureCode.CHECKPOINTS_INCONSISTENT, "The checkpoint at size "
                        + size + " follows the checkpoint at size " + previousSize + "; checkpoint sizes only grow");
            }
            previousSize = size;
        }
    }

    private static void checkConsistency(List<SignedCheckpoint> checkpoints, List<ConsistencyProof> proofs)
            throws BundleVerificationException {
        if (proofs.size() != checkpoints.size() - 1) {
            throw StrictJson.malformed("it has " + checkpoints.size() + " checkpoints, so it needs "
                    + (checkpoints.size() - 1) + " consistency proofs, not " + proofs.size());
        }
        for (int i = 0; i < proofs.size(); i++) {
            Checkpoint older = checkpoints.get(i).checkpoint();
            Checkpoint newer = checkpoints.get(i + 1).checkpoint();
            ConsistencyProof proof = proofs.get(i);
            if (proof.fromSize() != older.treeSize() || proof.toSize() != newer.treeSize()) {
                throw StrictJson.malformed("consistency proof " + i + " goes from size " + proof.fromSize()
                        + " to " + proof.toSize() + ", not between the checkpoints at sizes " + older.treeSize()
                        + " and " + newer.treeSize());
            }
            try {
                ConsistencyProofVerifier.verify(proof, older.rootHash(), newer.rootHash());
            } catch (ProofVerificationException e) {
                throw new BundleVerificationException(FailureCode.CHECKPOINTS_INCONSISTENT, "The checkpoints at sizes "
                        + older.treeSize() + " and " + newer.treeSize() + " are not of one append-only log: "
                        + e.getMessage());
            }
        }
    }

    private static void checkEntries(EvidenceBundle bundle, Checkpoint latest) throws BundleVerificationException {
        long size = latest.treeSize();
        byte[] root = latest.rootHash();
        long previousSeq = -1;
        for (EvidenceBundle.Entry entry : bundle.entries()) {
            long seq = entry.seq();
            if (seq == previousSeq) {
                throw new BundleVerificationException(FailureCode.DUPLICATE_ENTRY, "Entry " + seq
                        + " appears more than once");
            }
            if (seq < previousSeq) {
                throw new BundleVerificationException(FailureCode.ENTRY_OUT_OF_ORDER, "Entry " + seq
                        + " follows entry " + previousSeq + "; entries are in log order");
            }
            previousSeq = seq;
            if (seq >= size) {
                throw new BundleVerificationException(FailureCode.ENTRY_NOT_IN_LOG, "Entry " + seq
                        + " lies beyond the latest checkpoint, which covers entries 0 to " + (size - 1));
            }
            byte[] canonical = entry.canonical();
            requireCanonical(seq, canonical);
            InclusionProof proof = entry.inclusionProof();
            if (proof.treeSize() != size) {
                throw StrictJson.malformed("the inclusion proof of entry " + seq + " is for tree size "
                        + proof.treeSize() + ", not for the latest checkpoint's size " + size);
            }
            try {
                InclusionProofVerifier.verify(MerkleHash.leaf(canonical), proof, root);
            } catch (ProofVerificationException e) {
                throw new BundleVerificationException(FailureCode.ENTRY_NOT_IN_LOG, "Entry " + seq
                        + " is not in the log signed at size " + size + ": " + e.getMessage());
            }
        }
        checkRangeComplete(bundle, size);
    }

    private static void requireCanonical(long seq, byte[] canonical) throws BundleVerificationException {
        LogEntry parsed;
        try {
            parsed = EntryCodec.parse(canonical);
        } catch (RuntimeException e) {
            throw new BundleVerificationException(FailureCode.ENTRY_NOT_CANONICAL, "Entry " + seq
                    + " is not a canonical audit entry: " + reason(e));
        }
        if (parsed.seq() != seq) {
            throw new BundleVerificationException(FailureCode.ENTRY_NOT_CANONICAL, "Entry " + seq
                    + "'s canonical bytes are those of entry " + parsed.seq());
        }
    }

    /**
     * Why {@link EntryCodec#parse} refused, without the entry's content: EntryCodec's own sentences describe the form
     * only, but the JDK's (a time or enum constant that does not parse) quote the offending value, so they are not
     * passed on.
     */
    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        if (e instanceof IllegalArgumentException && message != null
                && (message.startsWith("not a canonical audit entry") || message.startsWith("audit entry"))) {
            return message;
        }
        return "a field holds a value that the canonical form does not allow";
    }

    /** A range selection must hold every entry of the range, and nothing else. */
    private static void checkRangeComplete(EvidenceBundle bundle, long size) throws BundleVerificationException {
        EvidenceBundle.Selection selection = bundle.selection();
        if (!selection.isRange()) {
            return;
        }
        if (selection.toSeq() > size) {
            throw new BundleVerificationException(FailureCode.ENTRY_NOT_IN_LOG, "The selected range ends at entry "
                    + (selection.toSeq() - 1) + ", beyond the latest checkpoint at size " + size);
        }
        long expected = selection.fromSeq();
        for (EvidenceBundle.Entry entry : bundle.entries()) {
            if (entry.seq() < selection.fromSeq() || entry.seq() >= selection.toSeq()) {
                throw StrictJson.malformed("entry " + entry.seq() + " is outside the selected range "
                        + selection.description());
            }
            if (entry.seq() != expected) {
                throw new BundleVerificationException(FailureCode.ENTRY_MISSING, "Entry " + expected
                        + " of the selected range is missing");
            }
            expected++;
        }
        if (expected != selection.toSeq()) {
            throw new BundleVerificationException(FailureCode.ENTRY_MISSING, "Entry " + expected
                    + " of the selected range is missing");
        }
    }
}
