package uk.xborder.gateway.audit.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh PostgreSQL schema per test on one server, so tests never see each other's rows and need no right to
 * create databases (an external test server may not grant it). Schemas are dropped when the server's tests end.
 */
final class PostgresSchemas {

    private final String url;
    private final String user;
    private final String passwordEnv;
    private final List<String> created = new ArrayList<>();

    PostgresSchemas(String url, String user, String passwordEnv) {
        this.url = url;
        this.user = user == null ? "" : user;
        this.passwordEnv = passwordEnv == null ? "" : passwordEnv;
    }

    /** Settings for a store in a new, empty schema. */
    AuditStoreSettings fresh() throws SQLException {
        String schema = "audit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        created.add(schema);
        String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return AuditStoreSettings.database(inSchema, user, passwordEnv);
    }

    void dropAll() throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String schema : created) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        created.clear();
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        String password = passwordEnv.isEmpty() ? null : System.getenv(passwordEnv);
        return DriverManager.getConnection(jdbcUrl, user.isEmpty() ? null : user, password);
    }
}
