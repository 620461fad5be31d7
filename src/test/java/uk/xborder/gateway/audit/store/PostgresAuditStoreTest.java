package uk.xborder.gateway.audit.store;

import java.io.IOException;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL (14, from the zonky jar), started once for the class. Commits are
 * synchronous, as on a production server: zonky turns {@code synchronous_commit} off by default, which would make
 * "durable when record returns" untrue and the timings flattering.
 */
class PostgresAuditStoreTest extends AbstractAuditStoreTest {

    private static EmbeddedPostgres postgres;
    private static PostgresSchemas schemas;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
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
}
