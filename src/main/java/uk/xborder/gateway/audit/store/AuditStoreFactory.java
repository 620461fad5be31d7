package uk.xborder.gateway.audit.store;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.crypto.Secret;

/**
 * Opens the audit log described by {@link AuditStoreSettings}: builds the connection pool, migrates the schema and
 * returns a started {@link JdbcAuditLog}, which owns the pool and closes it when it is closed.
 */
public final class AuditStoreFactory {

    private AuditStoreFactory() {
    }

    public static JdbcAuditLog open(AuditStoreSettings settings, CheckpointSigner signer, MeterRegistry registry) {
        return open(settings, signer, registry, Clock.systemUTC());
    }

    /** As {@link #open(AuditStoreSettings, CheckpointSigner, MeterRegistry)}, with the clock for entry times. */
    public static JdbcAuditLog open(AuditStoreSettings settings, CheckpointSigner signer, MeterRegistry registry,
                                    Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clock, "clock");
        HikariDataSource pool;
        try {
            pool = pool(settings);
        } catch (RuntimeException e) {
            throw new AuditStoreException("no connection to the audit store at "
                    + JdbcUrls.redact(settings.jdbcUrl()), e);
        }
        try {
            AuditSchema.migrate(pool);
            JdbcAuditLog log = new JdbcAuditLog(pool, pool, settings, signer, registry, clock);
            log.start();
            return log;
        } catch (Exception e) {
            pool.close();
            if (e instanceof AuditStoreException store) {
                throw store;
            }
            throw new AuditStoreException("the audit store at " + JdbcUrls.redact(settings.jdbcUrl())
                    + " could not be opened", e);
        }
    }

    private static HikariDataSource pool(AuditStoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("audit-store");
        config.setJdbcUrl(settings.jdbcUrl());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.passwordEnv().isEmpty()) {
            Secret password = Secret.fromEnvironment(settings.passwordEnv());
            char[] chars = password.chars();
            try {
                // Hikari keeps the password as a String; that copy cannot be wiped, ours can.
                config.setPassword(new String(chars));
            } finally {
                Arrays.fill(chars, '\0');
                password.destroy();
            }
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // Each append locks the head row and must see every entry committed before it: read committed, which both
        // databases give per statement.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setAutoCommit(true);
        // A pool that cannot connect fails now, with the reason, rather than at the first audit event.
        config.setInitializationFailTimeout(1);
        return new HikariDataSource(config);
    }
}
