package uk.xborder.gateway.audit.store;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the audit tables to the current version with Flyway, from {@code db/audit/V*__*.sql}: one set of SQL for H2
 * and PostgreSQL. Several nodes may start at once; Flyway's lock lets one migrate while the others wait.
 */
final class AuditSchema {

    static final String LOCATION = "classpath:db/audit";
    /** Our own history table, so other parts of the gateway can keep their own migrations in the same database. */
    static final String HISTORY_TABLE = "audit_schema_history";

    private AuditSchema() {
    }

    static MigrateResult migrate(DataSource db) {
        return Flyway.configure(AuditSchema.class.getClassLoader())
                .dataSource(db)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // A schema that already holds other tables (shared with other components) is normal here. Baseline
                // at version 0, below V1, so that our V1 still runs: Flyway's default baseline version is 1, which
                // would silently skip it.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("audit log baseline")
                .validateMigrationNaming(true)
                // Version 2 (the accepted-message table) moved to the ledger's own migrations; databases made by
                // earlier releases still list it as applied, which Flyway calls "future" while V1 is the latest
                // here and "missing" once a V3 exists. "*:future" is Flyway's default, kept. Never reuse version 2:
                // the next audit migration is V3.
                .ignoreMigrationPatterns("*:future", "versioned:missing")
                .load()
                .migrate();
    }
}
