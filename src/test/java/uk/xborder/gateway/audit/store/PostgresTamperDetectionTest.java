package uk.xborder.gateway.audit.store;

import java.io.IOException;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tamper detection on a real PostgreSQL (from the zonky jar), one fresh schema per test. */
class PostgresTamperDetectionTest extends AbstractTamperDetectionTest {

    private static EmbeddedPostgres postgres;
    private static PostgresSchemas schemas;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        schemas = new PostgresSchemas(postgres.getJdbcUrl("postgres", "postgres"), "", "");
    }

    @AfterAll
    static void stopPostgres() throws IOException, SQLException {
        schemas.dropAll();
        postgres.close();
    }

    @Override
    protected AuditStoreSettings freshDatabase() throws SQLException {
        return schemas.fresh();
    }
}
