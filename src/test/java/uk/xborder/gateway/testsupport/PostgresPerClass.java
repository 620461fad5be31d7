package uk.xborder.gateway.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server (zonky: the server binaries from a jar) for all the tests of a class:
 * {@code @RegisterExtension static final PostgresPerClass POSTGRES = new PostgresPerClass();}.
 */
public final class PostgresPerClass implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** The JDBC URL of the {@code postgres} database, as the superuser {@code postgres}. */
    public String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL runs only while the test class does");
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
