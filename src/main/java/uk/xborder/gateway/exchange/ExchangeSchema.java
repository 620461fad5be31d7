package uk.xborder.gateway.exchange;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the exchange store's tables to the current version with Flyway, from {@code db/exchange/V*__*.sql} (one set
 * of SQL for H2 and PostgreSQL), with a history table of its own beside the audit log's and the ledger's in the same
 * database.
 */
final class ExchangeSchema {

    static final String LOCATION = "classpath:db/exchange";
    static final String HISTORY_TABLE = "exchange_schema_history";

    private ExchangeSchema() {
    }

    static void migrate(DataSource database) {
        Flyway.configure(ExchangeSchema.class.getClassLoader())
                .dataSource(database)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // The database already holds the audit log's tables. Baseline at 0, below V1, so that V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("exchange store baseline")
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }
}
