package uk.xborder.gateway.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL (14, from the zonky jar), started once for the class. Commits are
 * flushed, as on a production server: zonky turns {@code fsync} and {@code synchronous_commit} off by default, which
 * would make "durable when record returns" untrue and the timings flattering.
 */
class PostgresAuditStoreTest extends AbstractAuditStoreTest {

    private static EmbeddedPostgres postgres;
    private static PostgresSchemas schemas;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
        schemas = new PostgresSchemas(postgres.getJdbcUrl("postgres", "postgres"), "", "");
    }

    @AfterAll
    static void stopPostgres() throws IOException, SQLException {
        if (schemas != null) {
            schemas.dropAll();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected AuditStoreSettings freshDatabase() throws SQLException {
        return schemas.fresh();
    }

    @Test
    void aServerThatDoesNotFlushCommitsIsReported() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            assertThat(DurabilityCheck.weakSettings(c)).isEmpty();

            s.execute("SET synchronous_commit = off");

            assertThat(DurabilityCheck.weakSettings(c)).containsExactly("synchronous_commit = off");
        }
    }
}
