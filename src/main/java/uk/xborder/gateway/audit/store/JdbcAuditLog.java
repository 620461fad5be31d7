package uk.xborder.gateway.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.SharedTransactionWrites;
import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.log.StoredEntry;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.InclusionProof;

/**
 * The audit log in a SQL database (H2 or PostgreSQL), shared safely by several gateway nodes.
 *
 * <ul>
 * <li>{@link #record} is group-committed ({@link GroupCommit}) and durable when it returns; it throws if the event
 * may not have been written, and recording the same event (same key) again is harmless.</li>
 * <li>Sequence numbers are allocated under a lock on the one-row head table ({@link EntryAppender}), so nodes
 * interleave their batches without gaps or duplicates.</li>
 * <li>Each node keeps the Merkle tree in memory ({@link LiveTree}), catching up with other nodes' entries before it
 * answers with a size, root or proof; checkpoints are signed every N entries or T ({@link Checkpointer}).</li>
 * </ul>
 * If, at start-up, the stored leaf hashes do not rebuild the root of the latest signed checkpoint, the node keeps
 * recording but signs no checkpoints and gives no proofs ({@link IntegrityGuard}).
 *
 * <p>Create with {@link AuditStoreFactory}; close to write what is queued and stop.
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    /** How often the embedded file's old chunks are compacted, one bounded call at a time. */
    static final Duration COMPACTION_INTERVAL = Duration.ofSeconds(2);

    private final DataSource db;
    private final AutoCloseable resources;
    private final EntryAppender appender;
    private final EntryReader reader;
    private final CheckpointStore checkpoints;
    private final LiveTree tree;
    private final IntegrityGuard integrity = new IntegrityGuard();
    private final Checkpointer checkpointer;
    private final AuditStoreMetrics metrics;
    private final GroupCommit writer;
    /** Only for the embedded H2 file, which does not compact itself while committing at once (see the class). */
    private final Optional<EmbeddedFileCompaction> compaction;
    private final AtomicBoolean closed = new AtomicBoolean();

    JdbcAuditLog(DataSource db, AutoCloseable resources, AuditStoreSettings settings, CheckpointSigner signer,
                 MeterRegistry registry, Clock clock) {
        this.db = db;
        this.resources = resources;
        this.appender = new EntryAppender(clock);
        this.reader = new EntryReader(db);
        this.checkpoints = new CheckpointStore(db);
        this.tree = new LiveTree(reader);
        this.checkpointer = new Checkpointer(tree, checkpoints, signer, integrity, clock,
                settings.checkpointEveryEntries(), settings.checkpointInterval());
        this.metrics = new AuditStoreMetrics(registry, tree::knownSize, checkpointer.lag(), integrity, clock);
        this.writer = new GroupCommit(this::write, settings.batchSize(), settings.batchMaxWait(),
                JdbcAuditLog::singleEventFault);
        this.compaction = settings.jdbcUrl().startsWith("jdbc:h2:file:")
                ? Optional.of(new EmbeddedFileCompaction(db, COMPACTION_INTERVAL)) : Optional.empty();
    }


    /**
     * The log's database, for the gateway's other shared state that lives beside it (the accepted-message record,
     * table {@code gateway_accepted_message}). Never for the audit tables: they are written only through this log.
     */
    public DataSource database() {
        return db;
    }

    /** Loads and checks the tree, then starts the checkpointer and the writer. */
    void start() throws SQLException {
        // The checkpoint first, then the entries: a checkpoint never covers more than was committed before it, so
        // another node appending and checkpointing meanwhile cannot make a sound log look truncated.
        Optional<SignedCheckpoint> latest = checkpoints.latest();
        long size = reader.size();
        try {
            tree.catchUp();
            if (latest.isPresent()) {
                verify(latest.get().checkpoint());
            }
        } catch (AuditStoreException | IllegalArgumentException e) {
            // Messages here name sizes and sequence numbers only.
            integrity.failed(e.getMessage());
            LOG.error("AUDIT LOG INTEGRITY CHECK FAILED: {}. Recording continues; this node signs no checkpoints and "
                    + "gives no proofs until the damage (locate it with the log verifier) is resolved and it is "
                    + "restarted.", e.getMessage());
        }
        checkpointer.start();
        writer.start();
        compaction.ifPresent(EmbeddedFileCompaction::start);
        LOG.info("audit log open: {} entries, latest checkpoint at {}", size,
                latest.map(s -> String.valueOf(s.checkpoint().treeSize())).orElse("none"));
    }

    /** The stored leaf hashes must rebuild the root this log's key signed last. */
    private void verify(Checkpoint checkpoint) {
        long size = tree.knownSize();
        if (checkpoint.treeSize() > size) {
            throw new AuditStoreException("the audit store holds " + size + " entries but a signed checkpoint "
                    + "covers " + checkpoint.treeSize() + ": entries have been removed");
        }
        if (!Arrays.equals(tree.root(checkpoint.treeSize()), checkpoint.rootHash())) {
            throw new AuditStoreException("the stored leaf hashes do not give the root of the signed checkpoint at "
                    + "tree size " + checkpoint.treeSize() + ": the audit log has been altered");
        }
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        EventLimits.check(event);
        // In an AuditBatch (a message in a local JMS transaction) the message's events are held and committed
        // together, in one batch of the writer, before that transaction commits or anything of it leaves.
        Optional<HeldEvents> held = AuditBatch.writesOf(this, () -> new HeldEvents(writer, db));
        if (held.isPresent()) {
            held.get().add(event);
            return;
        }
        writer.record(event);
    }

    /**
     * Runs on the writer thread: one transaction for the batch (its events, then the other stores' writes that came
     * with them), then the tree, metrics and checkpoint trigger. Returns the riders the transaction could not take.
     */
    private Set<SharedTransactionWrites.Work> write(List<AuditEvent> events, List<SharedTransactionWrites.Work> riders)
            throws SQLException {
        long started = System.nanoTime();
        EntryAppender.Outcome outcome;
        Set<SharedTransactionWrites.Work> notTaken = Collections.newSetFromMap(new IdentityHashMap<>());
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try {
                outcome = appender.append(connection, events);
                for (SharedTransactionWrites.Work rider : riders) {
                    if (!writeRider(connection, rider)) {
                        notTaken.add(rider);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            metrics.failed();
            LOG.warn("audit batch of {} events not committed: {}{}", events.size(), e.getClass().getSimpleName(),
                    e instanceof SQLException sql ? " SQLState " + sql.getSQLState() : "");
            throw e;
        }
        long nanos = System.nanoTime() - started;
        metrics.committed(events.size(), outcome.appended().size(), nanos);
        LOG.debug("audit batch committed: {} events, {} appended, {} already logged, {} us", events.size(),
                outcome.appended().size(), outcome.duplicates(), nanos / 1000);
        if (!outcome.appended().isEmpty() && integrity.ok()) {
            afterCommit(outcome.appended());
        }
        return notTaken;
    }

    /**
     * Writes a rider after a savepoint; if it fails (another node wrote the same row meanwhile, say), rolls back to
     * the savepoint and leaves it to be written alone, with its store's own handling of the conflict, so that it
     * never fails the events or the other riders. False if it was not taken.
     */
    private static boolean writeRider(Connection connection, SharedTransactionWrites.Work rider) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            rider.writeIn(connection);
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback(before);
            LOG.debug("a store's writes could not go in the audit batch's transaction ({}); written alone",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private void afterCommit(List<EntryAppender.Appended> appended) {
        try {
            tree.committed(appended.get(0).entry().seq(),
                    appended.stream().map(EntryAppender.Appended::leafHash).toList());
            checkpointer.appended(tree.knownSize());
        } catch (SQLException | RuntimeException e) {
            // The entries are durable; the tree reads them back at its next catch-up.
            LOG.warn("audit tree not updated after a commit ({}); it will catch up", e.getClass().getSimpleName());
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it and the transaction dies with it.
        }
    }

    /** Data errors (SQLState class 22) and constraint violations (23) may be one event's fault. */
    private static boolean singleEventFault(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** The number of entries the store holds (its next sequence number), whatever this node's tree knows. */
    @Override
    public long size() {
        return read(reader::size);
    }

    @Override
    public Optional<LogEntry> entry(long seq) {
        return seq < 0 ? Optional.empty() : read(() -> reader.entry(seq));
    }

    @Override
    public List<LogEntry> range(long fromSeq, long toSeq) {
        checkRange(fromSeq, toSeq);
        return read(() -> reader.range(fromSeq, toSeq));
    }

    @Override
    public List<StoredEntry> storedRange(long fromSeq, long toSeq) {
        checkRange(fromSeq, toSeq);
        return read(() -> reader.storedRange(fromSeq, toSeq));
    }

    @Override
    public Page<LogEntry> search(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        return read(() -> reader.search(query));
    }

    @Override
    public List<LogEntry> trail(String exchangeId) {
        Objects.requireNonNull(exchangeId, "exchangeId");
        return read(() -> reader.trail(exchangeId));
    }

    @Override
    public List<SignedCheckpoint> checkpoints() {
        return read(checkpoints::all);
    }

    @Override
    public SignedCheckpoint checkpoint() {
        return read(checkpointer::checkpointNow);
    }

    @Override
    public InclusionProof inclusionProof(long seq, long treeSize) {
        integrity.requireOk("inclusion proof");
        long size = read(tree::catchUp);
        if (treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is larger than the log (" + size + ")");
        }
        return tree.inclusionProof(seq, treeSize);
    }

    @Override
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        integrity.requireOk("consistency proof");
        long size = read(tree::catchUp);
        if (toSize > size) {
            throw new IllegalArgumentException("tree size " + toSize + " is larger than the log (" + size + ")");
        }
        return tree.consistencyProof(fromSize, toSize);
    }

    @Override
    public List<byte[]> leafHashes(long fromSeq, long toSeq) {
        checkRange(fromSeq, toSeq);
        return read(() -> reader.leafHashes(fromSeq, toSeq));
    }

    /**
     * Writes every event already queued, signs a last checkpoint if the log grew, and releases the database.
     * Events recorded after close begins are refused.
     */
    @Override
    public void close() {
        shutDown(true);
    }

    /** Stops without a closing checkpoint: for a store that failed to start. */
    void abandon() {
        shutDown(false);
    }

    private void shutDown(boolean finalCheckpoint) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        compaction.ifPresent(EmbeddedFileCompaction::close);
        writer.close();
        if (finalCheckpoint && integrity.ok()) {
            try {
                checkpointer.checkpointIfGrown();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("no closing audit checkpoint: {}", e.getClass().getSimpleName());
            }
        }
        checkpointer.close();
        metrics.close();
        try {
            resources.close();
        } catch (Exception e) {
            LOG.warn("audit store connections not closed cleanly: {}", e.getClass().getSimpleName());
        }
    }

    private static void checkRange(long fromSeq, long toSeq) {
        if (fromSeq < 0 || toSeq < fromSeq) {
            throw new IllegalArgumentException("invalid range [" + fromSeq + ", " + toSeq + ")");
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new AuditStoreException("audit store read failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
