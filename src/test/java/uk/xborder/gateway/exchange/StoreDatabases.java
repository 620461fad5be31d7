package uk.xborder.gateway.exchange;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.testsupport.PostgresPerClass;

/** Fresh gateway databases (the audit log's, as the gateway opens it) on H2 or PostgreSQL, closed by the test. */
final class StoreDatabases implements AutoCloseable {

    private final PostgresPerClass postgres;
    private final Path dir;
    private final List<JdbcAuditLog> opened = new ArrayList<>();

    StoreDatabases(PostgresPerClass postgres, Path dir) {
        this.postgres = postgres;
        this.dir = dir;
    }

    /** A new, empty database of this kind ("H2" or "PostgreSQL"). */
    AuditStoreSettings fresh(String database) throws Exception {
        if (database.equals("H2")) {
            return AuditStoreSettings.embedded(dir.resolve(UUID.randomUUID().toString()));
        }
        String schema = "exchange_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = postgres.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return AuditStoreSettings.database(url + "&currentSchema=" + schema, "postgres", "");
    }

    /** The audit log on that database, as one gateway node opens it. */
    JdbcAuditLog open(AuditStoreSettings settings) throws Exception {
        JdbcAuditLog log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit")),
                new SimpleMeterRegistry());
        opened.add(log);
        return log;
    }

    @Override
    public void close() {
        opened.forEach(JdbcAuditLog::close);
        opened.clear();
    }
}
