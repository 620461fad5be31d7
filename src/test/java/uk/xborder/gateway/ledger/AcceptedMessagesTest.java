package uk.xborder.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.SampleEvents;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.testsupport.PostgresPerClass;

/**
 * The accepted-message record on each database, with two gateway nodes sharing it: what one node accepted, the other
 * knows, and the two can never both accept the same message id. A database left by the release before the ledger
 * had its own migrations opens with its record intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcceptedMessagesTest {

    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    private final List<JdbcAuditLog> opened = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcAuditLog::close);
        opened.clear();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void whatOneNodeAcceptedTheOtherKnows(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        AcceptedMessages node1 = node(settings);
        AcceptedMessages node2 = node(settings);

        assertThat(node2.acceptedVia("police-scotland", "PS-1")).isEmpty();
        node1.remember("police-scotland", "PS-1", "ID:jms-1");

        assertThat(node2.acceptedVia("police-scotland", "PS-1")).contains("ID:jms-1");
        assertThat(node2.acceptedVia("nca", "PS-1")).as("ids are per agency").isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aRedeliveryIsRememberedAgainWithoutHarm(String database) throws Exception {
        AcceptedMessages node = node(freshDatabase(database));
        node.remember("police-scotland", "PS-2", "ID:jms-2");
        node.remember("police-scotland", "PS-2", "ID:jms-2");

        assertThat(node.acceptedVia("police-scotland", "PS-2")).contains("ID:jms-2");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void twoNodesCannotBothAcceptOneMessageId(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        AcceptedMessages node1 = node(settings);
        AcceptedMessages node2 = node(settings);
        node1.remember("police-scotland", "PS-3", "ID:jms-3a");

        assertThatThrownBy(() -> node2.remember("police-scotland", "PS-3", "ID:jms-3b"))
                .isInstanceOf(ConcurrentAcceptanceException.class);
        assertThat(node2.acceptedVia("police-scotland", "PS-3")).contains("ID:jms-3a");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aDatabaseTheReleaseBeforeLeftStillOpensWithWhatItAccepted(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        asTheReleaseBeforeLeftIt(settings);
        assertThat(appliedVersions(settings, "audit_schema_history")).as("as released").endsWith("1", "2");

        AcceptedMessages node = node(settings);

        assertThat(node.acceptedVia("police-scotland", "PS-OLD")).contains("ID:jms-old");
        assertThatThrownBy(() -> node.remember("police-scotland", "PS-OLD", "ID:jms-other"))
                .isInstanceOf(ConcurrentAcceptanceException.class);
        node.remember("police-scotland", "PS-NEW", "ID:jms-new");
        assertThat(node.acceptedVia("police-scotland", "PS-NEW")).contains("ID:jms-new");
        assertThat(appliedVersions(settings, "ledger_schema_history")).contains("1");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theLedgerKeepsItsOwnMigrationHistory(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        node(settings);

        assertThat(appliedVersions(settings, "audit_schema_history")).as("audit log").doesNotContain("2");
        assertThat(appliedVersions(settings, "ledger_schema_history")).as("ledger").contains("1", "2");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void inAMessagesBatchTheAcceptanceIsWrittenWithItsAuditEventsBeforeItCommits(String database)
            throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        JdbcAuditLog log = log(settings);
        AcceptedMessages node = AcceptedMessages.open(log.database(), Clock.systemUTC());
        AcceptedMessages other = node(settings);

        AuditBatch batch = AuditBatch.open();
        try {
            log.record(SampleEvents.event(0));
            node.remember("police-scotland", "PS-B1", "ID:jms-b1");
            assertThat(other.acceptedVia("police-scotland", "PS-B1")).as("held until the batch is awaited")
                    .isEmpty();
            AuditBatch.awaitRecorded();
        } finally {
            batch.close();
        }

        assertThat(other.acceptedVia("police-scotland", "PS-B1")).contains("ID:jms-b1");
        assertThat(log.size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void inABatchAnIdAnotherNodeAcceptedFailsTheWaitButARedeliveryDoesNot(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        JdbcAuditLog log = log(settings);
        AcceptedMessages node = AcceptedMessages.open(log.database(), Clock.systemUTC());
        node(settings).remember("police-scotland", "PS-B2", "ID:jms-b2a");

        AuditBatch conflicting = AuditBatch.open();
        try {
            log.record(SampleEvents.event(1));
            node.remember("police-scotland", "PS-B2", "ID:jms-b2b");
            assertThatThrownBy(AuditBatch::awaitRecorded).as("the message rolls back, to be refused as a duplicate")
                    .isInstanceOf(ConcurrentAcceptanceException.class);
        } finally {
            conflicting.close();
        }
        AuditBatch redelivered = AuditBatch.open();
        try {
            log.record(SampleEvents.event(2));
            node.remember("police-scotland", "PS-B2", "ID:jms-b2a");
            AuditBatch.awaitRecorded();
        } finally {
            redelivered.close();
        }

        assertThat(node.acceptedVia("police-scotland", "PS-B2")).contains("ID:jms-b2a");
        assertThat(log.size()).as("the events of both batches are recorded").isEqualTo(2);
    }

    private AcceptedMessages node(AuditStoreSettings settings) throws Exception {
        return AcceptedMessages.open(log(settings).database(), Clock.systemUTC());
    }

    private JdbcAuditLog log(AuditStoreSettings settings) throws Exception {
        JdbcAuditLog log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit")),
                new SimpleMeterRegistry());
        opened.add(log);
        return log;
    }

    /**
     * A database as the release before the ledger had its own migrations left it: the accepted-message table made
     * by the audit log's migration V2, recorded in the audit log's history, and an accepted message in it.
     */
    private static void asTheReleaseBeforeLeftIt(AuditStoreSettings settings) throws Exception {
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), null)
                .locations("classpath:db/audit", "classpath:db/audit-release-1")
                .table("audit_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), null);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO gateway_accepted_message (agency, message_id, transport_message_id, accepted_at)"
                    + " VALUES ('police-scotland', 'PS-OLD', 'ID:jms-old', CURRENT_TIMESTAMP)");
        }
    }

    private static List<String> appliedVersions(AuditStoreSettings settings, String historyTable) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), null);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT \"version\" FROM \"" + historyTable + "\""
                     + " WHERE \"success\" ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private AuditStoreSettings freshDatabase(String database) throws Exception {
        if (database.equals("H2")) {
            return AuditStoreSettings.embedded(dir.resolve(UUID.randomUUID().toString()));
        }
        String schema = "accepted_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = POSTGRES.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return AuditStoreSettings.database(url + "&currentSchema=" + schema, "postgres", "");
    }
}
