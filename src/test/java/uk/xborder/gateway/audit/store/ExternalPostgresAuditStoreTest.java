package uk.xborder.gateway.audit.store;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract on an external PostgreSQL server, when one is given: {@code GATEWAY_TEST_JDBC_URL}, and
 * optionally {@code GATEWAY_TEST_JDBC_USER} and {@code GATEWAY_TEST_JDBC_PASSWORD}. Each test works in a schema of
 * its own, dropped afterwards; the user needs the right to create schemas.
 */
@EnabledIfEnvironmentVariable(named = ExternalPostgresAuditStoreTest.URL, matches = ".+")
class ExternalPostgresAuditStoreTest extends AbstractAuditStoreTest {

    static final String URL = "GATEWAY_TEST_JDBC_URL";
    static final String USER = "GATEWAY_TEST_JDBC_USER";
    /** The store reads the password from the environment itself: settings name the variable. */
    static final String PASSWORD = "GATEWAY_TEST_JDBC_PASSWORD";

    private static PostgresSchemas schemas;

    @BeforeAll
    static void connect() {
        String passwordEnv = System.getenv(PASSWORD) == null ? "" : PASSWORD;
        schemas = new PostgresSchemas(System.getenv(URL), System.getenv(USER), passwordEnv);
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (schemas != null) {
            schemas.dropAll();
        }
    }

    @Override
    protected AuditStoreSettings freshDatabase() throws SQLException {
        return schemas.fresh();
    }
}
