package uk.xborder.gateway.audit.verify;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.Objects;
import java.util.stream.IntStream;

import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointKeyMismatchException;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerificationException;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.StoredEntry;
import uk.xborder.gateway.audit.log.UnreadableEntryException;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.audit.merkle.RootAccumulator;

/**
 * Verifies the whole live log through {@link AuditLog}, trusting nothing it stores: every entry is re-hashed from
 * its canonical form and compared with the leaf hash stored when it was appended, sequence numbers must run without
 * gaps, and the tree rebuilt from the recomputed hashes must give the root that each signed checkpoint signed.
 *
 * <p>What each kind of tampering looks like:
 * <ul>
 *   <li>an entry changed in place: its recomputed hash differs from the stored one ("entry 17 was altered");</li>
 *   <li>an entry deleted: a gap in the sequence ("entry 17 is missing"), or, for the newest ones, a log shorter
 *       than a checkpoint signed earlier;</li>
 *   <li>entries reordered: a sequence number out of place, or (because the seq is part of the canonical form) a
 *       hash that no longer matches;</li>
 *   <li>an entry and its stored hash both rewritten: the first checkpoint after it no longer matches, which locates
 *       the damage between two checkpoints ("entries 1000-1999 do not match the checkpoint signed at size 2000").
 *       Only entries after the latest checkpoint can be rewritten unnoticed, which is why checkpoints are signed
 *       often; the report says how many there are.</li>
 * </ul>
 *
 * <p>Reads in chunks of {@value #CHUNK} entries and keeps only O(log n) tree state ({@link RootAccumulator}), so
 * memory does not grow with the log; per entry it allocates only what the canonical form itself needs. Reports the
 * first problem found, in log order.
 */
public final class LogVerifier {

    /** Entries read per round trip to the store. */
    static final int CHUNK = 10_000;
    /**
     * Chunks read at once. Each holds a connection of the store's pool while it reads, and the pool (four by default)
     * also serves the audit writer and the gateway's other stores, which must not wait on a verification.
     */
    static final int READERS = 2;

    private static final ThreadFactory READER_THREADS = runnable -> {
        Thread thread = new Thread(runnable, "audit-verifier-reader");
        thread.setDaemon(true);
        return thread;
    };

    /**
     * One chunk of the log as the store gives it: the entries and the hashes stored with them. When a row in it can
     * no longer be read as an entry, the chunk ends before that row and names it, so that the entries before it
     * are still checked in order and the unreadable one is reported as altered.
     */
    private record Chunk(List<StoredEntry> entries, long unreadableSeq) {

        static Chunk read(AuditLog log, long from, long size) {
            long to = Math.min(size, from + CHUNK);
            try {
                return new Chunk(log.storedRange(from, to), -1);
            } catch (UnreadableEntryException unreadable) {
                long readable = unreadable.seq();
                return new Chunk(log.storedRange(from, readable), readable);
            }
        }
    }

    /**
     * Per hashing thread: one SHA-256 and one buffer that each entry's canonical form is written into and hashed
     * from, so that re-hashing a million entries allocates no digest and no byte array per entry.
     */
    private static final class LeafHasher extends ByteArrayOutputStream {

        private final MerkleHash.Hasher hasher = new MerkleHash.Hasher();

        LeafHasher() {
            super(1024);
        }

        void leaf(LogEntry entry, byte[] out, int offset) {
            reset();
            EntryCodec.write(entry, this);
            hasher.leaf(buf, 0, count, out, offset);
        }
    }

    private static final ThreadLocal<LeafHasher> HASHER = ThreadLocal.withInitial(LeafHasher::new);

    private final AuditLog log;
    private final CheckpointVerifier checkpoints;

    /**
     * @param checkpoints verifies the audit key's checkpoints; building it already checked that the audit
     *                    certificate is trusted
     */
    public LogVerifier(AuditLog log, CheckpointVerifier checkpoints) {
        this.log = Objects.requireNonNull(log, "log");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** Verifies the log as it is now. Tampering is reported, not thrown; a failing store throws as it does. */
    public VerificationReport verify() {
        return new Run(System.nanoTime()).verify();
    }

    /** One verification: its counters and its first problem. */
    private final class Run {

        private final long started;
        private long entriesChecked;
        private long checkpointsChecked;
        private long signedTreeSize;
        private FailureCode failure;
        private String problem;

        Run(long started) {
            this.started = started;
        }

        VerificationReport verify() {
            // Checkpoints first: a checkpoint signed later than the size we read would otherwise look like a gap.
            List<SignedCheckpoint> signed = log.checkpoints();
            long size = log.size();
            if (checkSignatures(signed) && checkAgainstSize(signed, size)) {
                replay(signed, size);
            }
            return report(size);
        }

        /** Every checkpoint is the audit key's and the sizes only grow. */
        private boolean checkSignatures(List<SignedCheckpoint> signed) {
            long previousSize = -1;
            for (SignedCheckpoint checkpoint : signed) {
                long treeSize = checkpoint.checkpoint().treeSize();
                try {
                    checkpoints.verify(checkpoint);
                } catch (CheckpointKeyMismatchException e) {
                    return fail(FailureCode.CHECKPOINT_KEY_MISMATCH, e.getMessage());
                } catch (CheckpointVerificationException e) {
                    return fail(FailureCode.CHECKPOINT_SIGNATURE_INVALID, e.getMessage());
                }
                if (treeSize <= previousSize) {
                    return fail(FailureCode.CHECKPOINTS_INCONSISTENT, "The checkpoint signed at size " + treeSize
                            + " follows one signed at size " + previousSize + "; checkpoint sizes only grow");
                }
                previousSize = treeSize;
            }
            return true;
        }

        private boolean checkAgainstSize(List<SignedCheckpoint> signed, long size) {
            if (!signed.isEmpty()) {
                long latest = signed.get(signed.size() - 1).checkpoint().treeSize();
                if (latest > size) {
                    return fail(FailureCode.ENTRY_MISSING, "The log has " + size + " entries, but a checkpoint was"
                            + " signed at size " + latest + ": " + entries(size, latest) + " missing");
                }
            }
            return true;
        }

        /** Re-hashes every entry, compares with the stored hash, and rebuilds each checkpoint's root. */
        private void replay(List<SignedCheckpoint> signed, long size) {
            RootAccumulator tree = new RootAccumulator();
            int nextCheckpoint = 0;
            // A checkpoint of the empty log is checked before any entry.
            while (nextCheckpoint < signed.size() && signed.get(nextCheckpoint).checkpoint().treeSize() == 0) {
                if (!rootMatches(signed.get(nextCheckpoint).checkpoint(), tree, 0)) {
                    return;
                }
                nextCheckpoint++;
            }
            // Reading chunks from the store overlaps with checking the one before them, and several are read at
            // once: on a large log reading is most of the work (the database decoding its rows), and each read is
            // independent of the others, so it is spread over the cores while the checking stays in order.
            ExecutorService reader = Executors.newFixedThreadPool(READERS, READER_THREADS);
            try {
                replayChunks(signed, size, tree, nextCheckpoint, reader);
            } finally {
                reader.shutdownNow();
            }
        }

        private void replayChunks(List<SignedCheckpoint> signed, long size, RootAccumulator tree, int firstCheckpoint,
                                  ExecutorService reader) {
            int nextCheckpoint = firstCheckpoint;
            long lastGoodCheckpoint = 0;
            // The chunks being read, in log order: at most READERS ahead of the one being checked.
            Deque<Future<Chunk>> reading = new ArrayDeque<>();
            long nextToRead = 0;
            for (long from = 0; from < size; from += CHUNK) {
                while (nextToRead < size && reading.size() < READERS) {
                    long start = nextToRead;
                    reading.add(reader.submit(() -> Chunk.read(log, start, size)));
                    nextToRead += CHUNK;
                }
                long to = Math.min(size, from + CHUNK);
                Chunk chunk = await(reading.poll());
                List<StoredEntry> entries = chunk.entries();
                byte[] recomputed = recomputeLeafHashes(entries);
                long expected = from;
                for (int i = 0; i < entries.size(); i++) {
                    LogEntry entry = entries.get(i).entry();
                    byte[] stored = entries.get(i).leafHash();
                    if (entry.seq() > expected) {
                        fail(FailureCode.ENTRY_MISSING, capitalised(entries(expected, entry.seq())) + " missing");
                        return;
                    }
                    if (entry.seq() == expected - 1) {
                        fail(FailureCode.DUPLICATE_ENTRY, "Entry " + entry.seq() + " appears more than once");
                        return;
                    }
                    if (entry.seq() < expected) {
                        fail(FailureCode.ENTRY_OUT_OF_ORDER, "Entry " + entry.seq() + " appears after entry "
                                + (expected - 1) + ": the log is out of order");
                        return;
                    }
                    if (stored == null) {
                        fail(FailureCode.LEAF_HASH_MISSING, "The hash stored for entry " + expected + " is missing");
                        return;
                    }
                    if (!Arrays.equals(recomputed, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE,
                            stored, 0, stored.length)) {
                        fail(FailureCode.ENTRY_ALTERED, "Entry " + expected + " was altered: its content no longer"
                                + " matches the hash stored when it was appended");
                        return;
                    }
                    tree.append(recomputed, i * MerkleHash.SIZE);
                    entriesChecked++;
                    expected++;
                    while (nextCheckpoint < signed.size()
                            && signed.get(nextCheckpoint).checkpoint().treeSize() == tree.size()) {
                        if (!rootMatches(signed.get(nextCheckpoint).checkpoint(), tree, lastGoodCheckpoint)) {
                            return;
                        }
                        lastGoodCheckpoint = tree.size();
                        nextCheckpoint++;
                    }
                }
                if (chunk.unreadableSeq() == expected) {
                    fail(FailureCode.ENTRY_ALTERED, "Entry " + expected + " was altered: it can no longer be read"
                            + " as an audit entry");
                    return;
                }
                if (expected < to) {
                    fail(FailureCode.ENTRY_MISSING, capitalised(entries(expected, to)) + " missing");
                    return;
                }
            }
        }

        private Chunk await(Future<Chunk> pending) {
            try {
                return pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification was interrupted", e);
            } catch (ExecutionException e) {
                // A failing store throws as it does when read directly.
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /**
         * The leaf hash of each entry's canonical form, packed 32 bytes each into one array. Serialising entries
         * to their canonical JSON is most of a verification's work and each entry is independent, so this part runs
         * on all cores; everything that depends on order stays in the single-threaded loop.
         */
        private byte[] recomputeLeafHashes(List<StoredEntry> entries) {
            byte[] hashes = new byte[entries.size() * MerkleHash.SIZE];
            IntStream.range(0, entries.size()).parallel().forEach(i -> HASHER.get()
                    .leaf(entries.get(i).entry(), hashes, i * MerkleHash.SIZE));
            return hashes;
        }

        private boolean rootMatches(Checkpoint checkpoint, RootAccumulator tree, long lastGoodCheckpoint) {
            if (!MessageDigest.isEqual(tree.root(), checkpoint.rootHash())) {
                long size = checkpoint.treeSize();
                String range = lastGoodCheckpoint == size - 1 ? "Entry " + lastGoodCheckpoint + " does"
                        : "Entries " + lastGoodCheckpoint + "-" + (size - 1) + " do";
                return fail(FailureCode.CHECKPOINT_ROOT_MISMATCH, range + " not match the checkpoint signed at size "
                        + size + ": entries and their stored hashes were rewritten after it was signed");
            }
            checkpointsChecked++;
            signedTreeSize = checkpoint.treeSize();
            return true;
        }

        private boolean fail(FailureCode code, String sentence) {
            failure = code;
            problem = sentence;
            return false;
        }

        private VerificationReport report(long size) {
            Duration taken = Duration.ofNanos(System.nanoTime() - started);
            long unsigned = failure == null ? size - signedTreeSize : 0;
            return new VerificationReport(failure == null, failure, problem, entriesChecked, checkpointsChecked,
                    signedTreeSize, unsigned, taken);
        }
    }

    /** "entry 17 is" or "entries 17-19 are", for [from, to). */
    private static String entries(long from, long to) {
        return to - from == 1 ? "entry " + from + " is" : "entries " + from + "-" + (to - 1) + " are";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
