package uk.xborder.gateway.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reclaims the dead space of the embedded H2 file. The embedded store commits with {@code WRITE_DELAY=0}, so
 * that a commit is written when it returns; H2 then writes a new chunk of its file at every commit and compacts
 * nothing while it runs, because its compaction belongs to the background writer that setting switches off. Most of a
 * chunk is pages the next commit rewrites, so without this the file grew by about 250 KB per message, seven times the
 * data in it. Every interval this rewrites the live pages of the emptiest old chunks (older than H2's retention time)
 * into new ones, a bounded amount per round, so the emptied chunks' space is used again: at 20 messages a second the
 * file stopped growing; under a saturating load it only grows more slowly (see docs/audit-store.md, "Disk use").
 *
 * <p>It uses H2's own {@link MVStore#compact(int, int)}, reached through the embedded session, which is not part of
 * JDBC: the H2 version is pinned, and {@code EmbeddedFileCompactionTest} fails if the way to it changes. A failing
 * round is logged and the next one tries again; recording never waits on it except for H2's store lock while one
 * round rewrites.
 */
final class EmbeddedFileCompaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFileCompaction.class);
    /** Chunks less full than this are rewritten: H2's background writer uses 90. */
    static final int TARGET_FILL_RATE_PERCENT = 80;
    /** Bytes rewritten per call; each call holds H2's store lock while it writes, so commits wait at most that long. */
    static final int BYTES_PER_CALL = 2 << 20;
    /**
     * Calls per round. One: a round of 16 calls back to back every 30 s held commits up long enough to raise the p99
     * latency at half rate from about 95 to 150-250 ms; the same budget spread over frequent rounds of one call
     * keeps each wait to one call.
     */
    static final int CALLS_PER_ROUND = 1;

    private final DataSource db;
    private final Duration interval;
    private final ScheduledThreadPoolExecutor scheduler;

    EmbeddedFileCompaction(DataSource db, Duration interval) {
        this.db = db;
        this.interval = interval;
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "audit-file-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::quietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void quietly() {
        try {
            compactNow();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("audit file compaction round failed ({}); the next round tries again",
                    e.getClass().getSimpleName());
        }
    }

    /** One round: rewrites old chunks below the target fill rate, up to the round's budget; the calls that wrote. */
    int compactNow() throws SQLException {
        try (Connection connection = db.getConnection()) {
            MVStore store = store(connection);
            int calls = 0;
            while (calls < CALLS_PER_ROUND && !store.isClosed()
                    && store.compact(TARGET_FILL_RATE_PERCENT, BYTES_PER_CALL)) {
                calls++;
            }
            if (calls > 0) {
                LOG.debug("audit file compaction: {} rewrites of up to {} bytes; chunks now {}% full", calls,
                        BYTES_PER_CALL, store.getFileStore().getChunksFillRate());
            }
            return calls;
        }
    }

    /** The H2 store behind an embedded connection. */
    static MVStore store(Connection connection) throws SQLException {
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            throw new IllegalStateException("the audit store's H2 database is not embedded in this process");
        }
        return session.getDatabase().getStore().getMvStore();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
