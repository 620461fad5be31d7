package uk.xborder.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.ledger.ReceivedMaterial.Received;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.testsupport.PostgresPerClass;

/**
 * The record of material received from partners, on each database, shared by two gateway nodes: what one node
 * received, the other finds by any of the ids an outbound message refers to, with the handling it arrived under.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceivedMaterialTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T10:15:30.123456Z");

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
    void whatOneNodeReceivedTheOtherFindsWithItsOriginalHandling(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        ReceivedMaterial node1 = node(settings);
        ReceivedMaterial node2 = node(settings);

        node1.record("EP-2026-1", "europol", GradingScheme.EUROPOL, "H2");

        assertThat(node2.receivedAs(List.of("PS-OUT-1", "EP-2026-1", "OP KESTREL")))
                .containsExactly(new Received("EP-2026-1", "europol", GradingScheme.EUROPOL, "H2", RECEIVED));
        assertThat(node2.receivedAs(List.of("PS-OUT-1", "OP KESTREL"))).isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aRedeliveryKeepsTheFirstRecord(String database) throws Exception {
        ReceivedMaterial node = node(freshDatabase(database));
        node.record("IE-2026-7", "spoc-ie", GradingScheme.EUROPOL, "H3");
        node.record("IE-2026-7", "spoc-ie", GradingScheme.EUROPOL, "H0");

        assertThat(node.receivedAs(List.of("IE-2026-7"))).extracting(Received::handlingCode).containsExactly("H3");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theSameIdFromTwoPartnersIsTwoPiecesOfMaterial(String database) throws Exception {
        ReceivedMaterial node = node(freshDatabase(database));
        node.record("REF-1", "europol", GradingScheme.EUROPOL, "H2");
        node.record("REF-1", "nca", GradingScheme.UK_5X5X5, "4");

        assertThat(node.receivedAs(List.of("REF-1"))).extracting(r -> r.originatingPartner() + ":"
                + r.handlingScheme() + " " + r.handlingCode())
                .containsExactlyInAnyOrder("europol:EUROPOL H2", "nca:UK_5X5X5 4");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void manyIdsAndBlankOnesAreLookedUpSafely(String database) throws Exception {
        ReceivedMaterial node = node(freshDatabase(database));
        node.record("ID-250", "europol", GradingScheme.EUROPOL, "H1");
        List<String> ids = new ArrayList<>(IntStream.range(0, 300).mapToObj(i -> "ID-" + i).toList());
        ids.addAll(Arrays.asList(null, "", "  ", "ID-250"));

        assertThat(node.receivedAs(ids)).extracting(Received::messageId).containsExactly("ID-250");
        assertThat(node.receivedAs(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aHandlingSchemeThisReleaseDoesNotKnowIsNotGuessed(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        ReceivedMaterial node = node(settings);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), null);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO gateway_received_material (message_id, originating_partner, handling_scheme,"
                    + " handling_code, received_at) VALUES ('X-1', 'europol', 'FUTURE_SCHEME', 'Z', CURRENT_TIMESTAMP)");
        }

        assertThatThrownBy(() -> node.receivedAs(List.of("X-1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FUTURE_SCHEME");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theTableComesWithTheLedgersMigrations(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        node(settings);
        AcceptedMessages.open(opened.get(0).database(), Clock.systemUTC());

        assertThat(ledgerVersions(settings)).contains("1", "4");
    }

    private ReceivedMaterial node(AuditStoreSettings settings) throws Exception {
        JdbcAuditLog log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit")),
                new SimpleMeterRegistry());
        opened.add(log);
        return ReceivedMaterial.open(log.database(), Clock.fixed(RECEIVED, ZoneOffset.UTC));
    }

    private static List<String> ledgerVersions(AuditStoreSettings settings) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), null);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT \"version\" FROM \"ledger_schema_history\""
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
        String schema = "received_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = POSTGRES.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return AuditStoreSettings.database(url + "&currentSchema=" + schema, "postgres", "");
    }
}
