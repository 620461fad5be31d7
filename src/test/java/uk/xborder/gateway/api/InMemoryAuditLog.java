package uk.xborder.gateway.api;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointCodec;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.merkle.MerkleHash;

/**
 * An honest in-memory audit log for the API tests: entries hashed into an RFC 9162 Merkle tree from their canonical
 * form, real inclusion proofs, checkpoints signed (in their canonical text form) with a throwaway EC key, and searches
 * that apply every criterion. Not durable. {@link AuditApiOnRealStoreTest} runs the API on the real store.
 *
 * <p>It also keeps a journal of the calls made to it, so tests can see that a consultation was recorded before the
 * log was read, and it can be made to fail recording, as an unavailable database would.
 */
final class InMemoryAuditLog implements AuditLog {

    private final Clock clock;
    private final List<LogEntry> entries = new ArrayList<>();
    private final Map<String, LogEntry> byKey = new LinkedHashMap<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final KeyPair key;
    private volatile boolean failing;

    InMemoryAuditLog(Clock clock) {
        this.clock = clock;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.key = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on, recording fails as it would with the database down. */
    void failRecording(boolean failing) {
        this.failing = failing;
    }

    /** What was asked of the log, in order: {@code record:<step>:<outcome>}, {@code search}, {@code trail}, ... */
    List<String> journal() {
        return List.copyOf(journal);
    }

    void clearJournal() {
        journal.clear();
    }

    PublicKey publicKey() {
        return key.getPublic();
    }

    synchronized List<AuditEvent> events() {
        return entries.stream().map(LogEntry::event).toList();
    }

    @Override
    public synchronized void record(AuditEvent event) {
        journal.add("record:" + event.step() + ":" + event.outcome());
        if (failing) {
            throw new IllegalStateException("audit store unavailable (test)");
        }
        if (byKey.containsKey(event.eventKey())) {
            return;
        }
        LogEntry entry = new LogEntry(entries.size(), clock.instant(), event);
        entries.add(entry);
        byKey.put(event.eventKey(), entry);
        leaves.add(MerkleHash.leaf(EntryCodec.canonical(entry)));
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }

    @Override
    public synchronized Optional<LogEntry> entry(long seq) {
        journal.add("entry");
        return seq >= 0 && seq < entries.size() ? Optional.of(entries.get((int) seq)) : Optional.empty();
    }

    @Override
    public synchronized List<LogEntry> range(long fromSeq, long toSeq) {
        journal.add("range");
        return List.copyOf(entries.subList((int) fromSeq, (int) Math.min(toSeq, entries.size())));
    }

    @Override
    public synchronized List<byte[]> leafHashes(long fromSeq, long toSeq) {
        journal.add("leafHashes");
        return List.copyOf(leaves.subList((int) fromSeq, (int) Math.min(toSeq, leaves.size())));
    }

    @Override
    public synchronized Page<LogEntry> search(AuditQuery q) {
        journal.add("search");
        List<LogEntry> matches = entries.stream().filter(entry -> {
            AuditEvent e = entry.event();
            return (q.messageId() == null || q.messageId().equals(e.messageId()))
                    && (q.exchangeId() == null || q.exchangeId().equals(e.exchangeId()))
                    && (q.caseReference() == null || e.caseReferences().contains(q.caseReference()))
                    && (q.agency() == null || q.agency().equals(e.sender()))
                    && (q.partner() == null || e.recipients().contains(q.partner()))
                    && (q.operation() == null || q.operation() == e.operation())
                    && (q.outcome() == null || q.outcome() == e.outcome())
                    && (q.marking() == null || q.marking().equals(e.marking()))
                    && (q.from() == null || !e.time().isBefore(q.from()))
                    && (q.to() == null || e.time().isBefore(q.to()));
        }).collect(Collectors.toList());
        int from = Math.min(q.offset(), matches.size());
        int to = Math.min(from + q.limit(), matches.size());
        return new Page<>(matches.subList(from, to), matches.size(), q.offset(), q.limit());
    }

    @Override
    public synchronized List<LogEntry> trail(String exchangeId) {
        journal.add("trail");
        return entries.stream().filter(e -> e.event().exchangeId().equals(exchangeId)).toList();
    }

    @Override
    public synchronized List<SignedCheckpoint> checkpoints() {
        journal.add("checkpoints");
        return List.copyOf(checkpoints);
    }

    @Override
    public synchronized SignedCheckpoint checkpoint() {
        journal.add("checkpoint");
        long size = entries.size();
        if (!checkpoints.isEmpty() && checkpoints.get(checkpoints.size() - 1).checkpoint().treeSize() == size) {
            return checkpoints.get(checkpoints.size() - 1);
        }
        Checkpoint checkpoint = new Checkpoint(size, root(0, (int) size), clock.instant(), keyId());
        SignedCheckpoint signed = new SignedCheckpoint(checkpoint, sign(CheckpointCodec.signedBytes(checkpoint)));
        checkpoints.add(signed);
        return signed;
    }

    @Override
    public synchronized InclusionProof inclusionProof(long seq, long treeSize) {
        journal.add("inclusionProof");
        if (seq < 0 || seq >= treeSize || treeSize > entries.size()) {
            throw new IllegalArgumentException("no entry " + seq + " in a tree of " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        path(seq, 0, (int) treeSize, path);
        return new InclusionProof(seq, treeSize, path);
    }

    @Override
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        throw new UnsupportedOperationException("the API does not serve consistency proofs");
    }

    /** RFC 9162 MTH of leaves [from, to). */
    private byte[] root(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHash.node(root(from, from + k), root(from + k, to));
    }

    /** RFC 9162 PATH(m, D[from:to]). */
    private void path(long m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(root(from + k, to));
        } else {
            path(m - k, from + k, to, out);
            out.add(root(from, from + k));
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
