package uk.xborder.gateway.ledger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the ledger's tables to the current version with Flyway, from {@code db/ledger/V*__*.sql} (one set of SQL
 * for H2 and PostgreSQL), with a history table of its own beside the audit log's in the same database.
 */
public final class LedgerSchema {

    static final String LOCATION = "classpath:db/ledger";
    static final String HISTORY_TABLE = "ledger_schema_history";

    private LedgerSchema() {
    }

    public static void migrate(DataSource database) {
        Flyway.configure(LedgerSchema.class.getClassLoader())
                .dataSource(database)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // The database already holds the audit log's tables. Baseline at 0, below V1, so that V1 still
                // runs (Flyway's default baseline, 1, would skip it).
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("ledger baseline")
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }
}
