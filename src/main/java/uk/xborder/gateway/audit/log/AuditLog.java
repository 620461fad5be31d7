package uk.xborder.gateway.audit.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.InclusionProof;

/**
 * The durable, tamper-evident audit log: an append-only Merkle tree of entries with signed checkpoints. Recording
 * ({@link AuditTrail#record}) is idempotent by event key and durable when it returns.
 */
public interface AuditLog extends AuditTrail {

    /** Number of entries (the current tree size). */
    long size();

    Optional<LogEntry> entry(long seq);

    /** Entries {@code fromSeq} (inclusive) to {@code toSeq} (exclusive), in order. */
    List<LogEntry> range(long fromSeq, long toSeq);

    /**
     * The leaf hashes of entries {@code fromSeq} (inclusive) to {@code toSeq} (exclusive), in seq order, exactly as
     * they were stored when each entry was appended ({@code MerkleHash.leaf(EntryCodec.canonical(entry))} at that
     * time) — read back, never recomputed from the entries: {@code audit.verify.LogVerifier} compares the two to find
     * an entry altered after it was written. One hash per stored entry, so a missing row makes the list shorter.
     */
    List<byte[]> leafHashes(long fromSeq, long toSeq);

    /**
     * Entries {@code fromSeq} (inclusive) to {@code toSeq} (exclusive), each with the leaf hash stored beside it (see
     * {@link #leafHashes}), in the store's seq order: what {@link #range} and {@link #leafHashes} give, paired, for a
     * verifier. A store that keeps both in one row reads them in one pass; this default pairs the two reads, the n-th
     * entry with the n-th hash (null past the last hash). Like {@link #range}, throws
     * {@link UnreadableEntryException} for the first row in the range that cannot be read as an entry.
     */
    default List<StoredEntry> storedRange(long fromSeq, long toSeq) {
        List<LogEntry> entries = range(fromSeq, toSeq);
        List<byte[]> hashes = leafHashes(fromSeq, toSeq);
        List<StoredEntry> stored = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            stored.add(new StoredEntry(entries.get(i), i < hashes.size() ? hashes.get(i) : null));
        }
        return stored;
    }

    Page<LogEntry> search(AuditQuery query);

    /** Every entry of one exchange, in log order. */
    List<LogEntry> trail(String exchangeId);

    /** All signed checkpoints, oldest first. */
    List<SignedCheckpoint> checkpoints();

    /** Signs a checkpoint of the current tree now (if it grew since the last one) and returns the latest. */
    SignedCheckpoint checkpoint();

    InclusionProof inclusionProof(long seq, long treeSize);

    ConsistencyProof consistencyProof(long fromSize, long toSize);
}
