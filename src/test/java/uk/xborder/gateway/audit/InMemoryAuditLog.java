package uk.xborder.gateway.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.audit.merkle.MerkleTree;

/**
 * An honest {@link AuditLog} in memory, for tests: rows of (entry, stored leaf hash) like a database table, the
 * {@link MerkleTree} for proofs and the {@link CheckpointSigner} for checkpoints, as the real store uses them; searches
 * apply every criterion. Not durable.
 *
 * <p>It keeps a journal of the calls made to it, so tests can see that a consultation was recorded before the log was
 * read, and it can be made to fail recording, as an unavailable database would.
 *
 * <p>The {@code tamper...} methods change the rows behind the tree's back, the way someone with write access to the
 * database would; the tree and the checkpoints keep what was really appended.
 */
public final class InMemoryAuditLog implements AuditLog {

    /** A table row: the entry and the leaf hash stored with it. */
    private record Row(LogEntry entry, byte[] leafHash) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Set<String> eventKeys = new HashSet<>();
    private final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private final MerkleTree tree = new MerkleTree();
    private final List<String> journal = new ArrayList<>();
    private final CheckpointSigner signer;
    private final Clock clock;
    private volatile boolean failing;

    public InMemoryAuditLog(CheckpointSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** From now on, recording fails (or no longer fails) as it would with the database down. */
    public void failRecording(boolean failing) {
        this.failing = failing;
    }

    /** What was asked of the log, in order: {@code record:<step>:<outcome>}, {@code search}, {@code trail}, ... */
    public synchronized List<String> journal() {
        return List.copyOf(journal);
    }

    public synchronized void clearJournal() {
        journal.clear();
    }

    /** The events of the entries, in order. */
    public synchronized List<AuditEvent> events() {
        return rows.stream().map(r -> r.entry().event()).toList();
    }

    @Override
    public synchronized void record(AuditEvent event) {
        journal.add("record:" + event.step() + ":" + event.outcome());
        if (failing) {
            throw new IllegalStateException("audit store unavailable (test)");
        }
        if (!eventKeys.add(event.eventKey())) {
            return;
        }
        LogEntry entry = new LogEntry(tree.size(), Instant.now(clock), event);
        byte[] leafHash = MerkleHash.leaf(EntryCodec.canonical(entry));
        rows.add(new Row(entry, leafHash));
        tree.append(leafHash);
    }

    @Override
    public synchronized long size() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).entry().seq() + 1;
    }

    @Override
    public synchronized Optional<LogEntry> entry(long seq) {
        journal.add("entry");
        return rows.stream().map(Row::entry).filter(e -> e.seq() == seq).findFirst();
    }

    @Override
    public synchronized List<LogEntry> range(long fromSeq, long toSeq) {
        journal.add("range");
        return rows.stream().map(Row::entry).filter(e -> e.seq() >= fromSeq && e.seq() < toSeq).toList();
    }

    @Override
    public synchronized List<byte[]> leafHashes(long fromSeq, long toSeq) {
        journal.add("leafHashes");
        return rows.stream().filter(r -> r.entry().seq() >= fromSeq && r.entry().seq() < toSeq)
                .map(r -> r.leafHash().clone()).toList();
    }

    @Override
    public synchronized Page<LogEntry> search(AuditQuery query) {
        journal.add("search");
        List<LogEntry> matches = rows.stream().map(Row::entry).filter(e -> matches(query, e.event())).toList();
        int from = Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.limit(), matches.size());
        return new Page<>(matches.subList(from, to), matches.size(), query.offset(), query.limit());
    }

    private static boolean matches(AuditQuery q, AuditEvent e) {
        return (q.messageId() == null || q.messageId().equals(e.messageId()))
                && (q.exchangeId() == null || q.exchangeId().equals(e.exchangeId()))
                && (q.caseReference() == null || e.caseReferences().contains(q.caseReference()))
                && (q.agency() == null || q.agency().equals(e.sender()))
                && (q.partner() == null || e.recipients().contains(q.partner()))
                && (q.operation() == null || q.operation().name().equals(e.operation()))
                && (q.outcome() == null || q.outcome().name().equals(e.outcome()))
                && (q.marking() == null || q.marking().equals(e.marking()))
                && (q.from() == null || !e.time().isBefore(q.from()))
                && (q.to() == null || e.time().isBefore(q.to()))
                && q.shows(e.operation(), e.actor());
    }

    @Override
    public synchronized List<LogEntry> trail(String exchangeId) {
        journal.add("trail");
        return rows.stream().map(Row::entry).filter(e -> e.event().exchangeId().equals(exchangeId)).toList();
    }

    @Override
    public synchronized List<SignedCheckpoint> checkpoints() {
        journal.add("checkpoints");
        return List.copyOf(checkpoints);
    }

    @Override
    public synchronized SignedCheckpoint checkpoint() {
        journal.add("checkpoint");
        long size = tree.size();
        if (checkpoints.isEmpty() || checkpoints.get(checkpoints.size() - 1).checkpoint().treeSize() < size) {
            checkpoints.add(signer.sign(size, tree.root(size)));
        }
        return checkpoints.get(checkpoints.size() - 1);
    }

    @Override
    public synchronized InclusionProof inclusionProof(long seq, long treeSize) {
        journal.add("inclusionProof");
        return tree.inclusionProof(seq, treeSize);
    }

    @Override
    public synchronized ConsistencyProof consistencyProof(long fromSize, long toSize) {
        journal.add("consistencyProof");
        return tree.consistencyProof(fromSize, toSize);
    }

    // --- tampering, as someone with write access to the database could --------------------------------------

    /** Replaces the event of entry {@code seq}, keeping the stored hash. */
    public synchronized void tamperReplaceEvent(long seq, AuditEvent event) {
        int i = indexOf(seq);
        Row row = rows.get(i);
        rows.set(i, new Row(new LogEntry(seq, row.entry().recordedAt(), event), row.leafHash()));
    }

    /** Replaces the event of entry {@code seq} and stores the matching hash, as a careful forger would. */
    public synchronized void tamperRewriteEventAndHash(long seq, AuditEvent event) {
        int i = indexOf(seq);
        LogEntry forged = new LogEntry(seq, rows.get(i).entry().recordedAt(), event);
        rows.set(i, new Row(forged, MerkleHash.leaf(EntryCodec.canonical(forged))));
    }

    /** Deletes the row of entry {@code seq}. */
    public synchronized void tamperDelete(long seq) {
        rows.remove(indexOf(seq));
    }

    /** Swaps the events of two entries (each row keeps its seq and stored hash). */
    public synchronized void tamperSwapEvents(long a, long b) {
        int i = indexOf(a);
        int j = indexOf(b);
        Row ra = rows.get(i);
        Row rb = rows.get(j);
        rows.set(i, new Row(new LogEntry(a, ra.entry().recordedAt(), rb.entry().event()), ra.leafHash()));
        rows.set(j, new Row(new LogEntry(b, rb.entry().recordedAt(), ra.entry().event()), rb.leafHash()));
    }

    /** Stores entry {@code seq} a second time, right after the first (a table without a unique seq). */
    public synchronized void tamperDuplicate(long seq) {
        int i = indexOf(seq);
        rows.add(i + 1, rows.get(i));
    }

    private int indexOf(long seq) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).entry().seq() == seq) {
                return i;
            }
        }
        throw new IllegalArgumentException("no entry " + seq);
    }
}
