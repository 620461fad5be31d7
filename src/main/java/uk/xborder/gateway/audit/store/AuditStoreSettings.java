package uk.xborder.gateway.audit.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the audit log is stored and how it writes and checkpoints. The same build runs on the embedded default
 * (H2 in a file under the data directory) or on PostgreSQL, chosen by {@code jdbcUrl} alone.
 *
 * @param jdbcUrl                {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
 * @param user                   database user; empty for the embedded default
 * @param passwordEnv            name of the environment variable holding the password; empty for none. The password
 *                               itself never appears in settings
 * @param poolSize               connections: one for the writer, the rest shared by the checkpointer and readers
 * @param batchSize              most events written in one transaction
 * @param batchMaxWait           how long the writer waits for more events to fill a batch once it has one; zero
 *                               commits at once (events that arrive during a commit still share the next one)
 * @param checkpointEveryEntries a checkpoint is signed once this many entries are not covered by one ...
 * @param checkpointInterval     ... or this long after the last, whichever comes first, if the log grew
 */
public record AuditStoreSettings(String jdbcUrl, String user, String passwordEnv, int poolSize, int batchSize,
                                 Duration batchMaxWait, long checkpointEveryEntries, Duration checkpointInterval) {

    public static final String PROPERTY_PREFIX = "gateway.audit.";
    public static final int DEFAULT_POOL_SIZE = 4;
    public static final int DEFAULT_BATCH_SIZE = 256;
    public static final Duration DEFAULT_BATCH_MAX_WAIT = Duration.ZERO;
    public static final long DEFAULT_CHECKPOINT_EVERY_ENTRIES = 1000;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(60);
    /** Upper bound of {@link #batchSize}: keeps one batch's statements and memory small. */
    public static final int MAX_BATCH_SIZE = 1000;

    /**
     * H2 settings of the embedded default, and why:
     * <ul>
     * <li>{@code WRITE_DELAY=0}: every commit is written to the file before {@code commit()} returns, so an entry
     * reported as recorded survives the JVM being killed. (H2 writes but does not fsync each commit: a power cut can
     * lose the last moments. Production uses PostgreSQL, which does.)</li>
     * <li>{@code LOCK_TIMEOUT=10000}: writers queue for the head row lock for up to 10 s instead of H2's default
     * 1 s, so a burst from several writers does not fail appends.</li>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook must not close the database under the writer while
     * it drains its last batch; the store closes it.</li>
     * <li>{@code TRACE_LEVEL_FILE=0}: no {@code .trace.db} file beside the data, which would record failing
     * statements with their values outside the gateway's logging policy; errors reach the store as exceptions.</li>
     * <li>{@code QUERY_CACHE_SIZE=64}: each connection keeps the plans of its last 64 statements instead of H2's 8.
     * One message runs more than 8 different statements on a connection (audit, exchange store, ledger), so with 8
     * every statement was parsed and planned again: about 4% of the agency consumer's time.</li>
     * </ul>
     * No {@code AUTO_SERVER}: the file stays locked to this process and no TCP port is opened.
     */
    public static final String H2_OPTIONS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=64";

    public AuditStoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the audit store runs on H2 (jdbc:h2:...) or PostgreSQL "
                    + "(jdbc:postgresql:...), not on " + JdbcUrls.redact(jdbcUrl));
        }
        user = user == null ? "" : user;
        passwordEnv = passwordEnv == null ? "" : passwordEnv;
        if (poolSize < 2) {
            throw new IllegalArgumentException("the audit store needs a pool of at least 2 connections");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("audit batch size must be between 1 and " + MAX_BATCH_SIZE);
        }
        Objects.requireNonNull(batchMaxWait, "batchMaxWait");
        if (batchMaxWait.isNegative() || batchMaxWait.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("audit batch max wait must be between 0 and 1 second");
        }
        if (checkpointEveryEntries < 1) {
            throw new IllegalArgumentException("checkpoints must come every 1 or more entries");
        }
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        if (checkpointInterval.toMillis() < 1) {
            throw new IllegalArgumentException("the checkpoint interval must be at least 1 ms");
        }
    }

    /** The embedded default: H2 in {@code <dataDir>/audit/audit-log.mv.db}, default pool, batches, checkpoints. */
    public static AuditStoreSettings embedded(Path dataDir) {
        return database(embeddedUrl(dataDir), "", "");
    }

    /** A database given by URL and credentials, with the default pool, batches and checkpoints. */
    public static AuditStoreSettings database(String jdbcUrl, String user, String passwordEnv) {
        return new AuditStoreSettings(jdbcUrl, user, passwordEnv, DEFAULT_POOL_SIZE, DEFAULT_BATCH_SIZE,
                DEFAULT_BATCH_MAX_WAIT, DEFAULT_CHECKPOINT_EVERY_ENTRIES, DEFAULT_CHECKPOINT_INTERVAL);
    }

    /** The JDBC URL of the embedded default under {@code dataDir}. */
    public static String embeddedUrl(Path dataDir) {
        String file = dataDir.toAbsolutePath().normalize().resolve("audit").resolve("audit-log").toString();
        if (file.contains(";")) {
            // H2 would read whatever follows as a setting.
            throw new IllegalArgumentException("the data directory path must not contain ';'");
        }
        return "jdbc:h2:file:" + file + H2_OPTIONS;
    }

    /**
     * Settings from {@code gateway.audit.*} properties; a property that is absent or blank takes its default:
     * <pre>
     * gateway.audit.store.url                (empty: the embedded default under dataDir)
     * gateway.audit.store.user
     * gateway.audit.store.password-env
     * gateway.audit.store.pool-size          4
     * gateway.audit.store.batch-size         256
     * gateway.audit.store.batch-max-wait-ms  0
     * gateway.audit.checkpoint.every-entries 1000
     * gateway.audit.checkpoint.every-seconds 60
     * </pre>
     */
    public static AuditStoreSettings fromProperties(Function<String, String> property, Path dataDir) {
        String url = text(property, "store.url");
        return new AuditStoreSettings(
                url.isEmpty() ? embeddedUrl(dataDir) : url,
                text(property, "store.user"),
                text(property, "store.password-env"),
                (int) number(property, "store.pool-size", DEFAULT_POOL_SIZE),
                (int) number(property, "store.batch-size", DEFAULT_BATCH_SIZE),
                Duration.ofMillis(number(property, "store.batch-max-wait-ms", DEFAULT_BATCH_MAX_WAIT.toMillis())),
                number(property, "checkpoint.every-entries", DEFAULT_CHECKPOINT_EVERY_ENTRIES),
                Duration.ofSeconds(number(property, "checkpoint.every-seconds",
                        DEFAULT_CHECKPOINT_INTERVAL.toSeconds())));
    }

    public AuditStoreSettings withPoolSize(int size) {
        return new AuditStoreSettings(jdbcUrl, user, passwordEnv, size, batchSize, batchMaxWait,
                checkpointEveryEntries, checkpointInterval);
    }

    public AuditStoreSettings withBatches(int size, Duration maxWait) {
        return new AuditStoreSettings(jdbcUrl, user, passwordEnv, poolSize, size, maxWait, checkpointEveryEntries,
                checkpointInterval);
    }

    public AuditStoreSettings withCheckpoints(long everyEntries, Duration interval) {
        return new AuditStoreSettings(jdbcUrl, user, passwordEnv, poolSize, batchSize, batchMaxWait, everyEntries,
                interval);
    }

    /** JDBC URLs can carry passwords (PostgreSQL {@code ?password=}, H2 {@code ;PASSWORD=}): shown redacted. */
    @Override
    public String toString() {
        return "AuditStoreSettings[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", user=" + user + ", passwordEnv="
                + passwordEnv + ", poolSize=" + poolSize + ", batchSize=" + batchSize + ", batchMaxWait="
                + batchMaxWait + ", checkpointEveryEntries=" + checkpointEveryEntries + ", checkpointInterval="
                + checkpointInterval + "]";
    }

    private static String text(Function<String, String> property, String name) {
        String value = property.apply(PROPERTY_PREFIX + name);
        return value == null ? "" : value.trim();
    }

    private static long number(Function<String, String> property, String name, long fallback) {
        String value = text(property, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY_PREFIX + name + " must be a whole number");
        }
    }
}
