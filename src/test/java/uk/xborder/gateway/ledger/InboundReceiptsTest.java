package uk.xborder.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import uk.xborder.gateway.testsupport.PostgresPerClass;

/**
 * The record of receipts issued for inbound envelopes, on each database, with two gateway nodes sharing it: what
 * one node answered, the other answers the same, byte for byte; a redelivery of the same transport message
 * replaces the receipt that never left; two transport messages can never both be recorded for one message id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundReceiptsTest {

    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    private static final Instant FIRST = Instant.parse("2026-12-01T10:15:30.123456Z");

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
    void whatOneNodeAnsweredTheOtherAnswersTheSame(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        InboundReceipts node1 = node(settings);
        InboundReceipts node2 = node(settings);
        byte[] receipt = bytes("signed receipt 1");

        assertThat(node2.find("europol", "EU-1")).isEmpty();
        node1.record("europol", "EU-1", "ID:jms-1", "ex-1", FIRST, "DELIVERED", receipt);

        InboundReceipts.Recorded recorded = node2.find("europol", "EU-1").orElseThrow();
        assertThat(recorded.receipt()).isEqualTo(receipt);
        assertThat(recorded.transportMessageId()).isEqualTo("ID:jms-1");
        assertThat(recorded.exchangeId()).isEqualTo("ex-1");
        assertThat(recorded.receivedAt()).isEqualTo(FIRST.truncatedTo(ChronoUnit.MICROS));
        assertThat(recorded.outcome()).isEqualTo("DELIVERED");
        assertThat(node2.find("spoc-ie", "EU-1")).as("ids are per sender").isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aRedeliveryReplacesTheReceiptThatNeverLeftAndKeepsTheFirstArrival(String database) throws Exception {
        InboundReceipts node = node(freshDatabase(database));
        node.record("europol", "EU-2", "ID:jms-2", "ex-2", FIRST, "DELIVERED", bytes("first"));

        node.record("europol", "EU-2", "ID:jms-2", "ex-2", FIRST.plusSeconds(60), "DELIVERED", bytes("second"));

        InboundReceipts.Recorded recorded = node.find("europol", "EU-2").orElseThrow();
        assertThat(recorded.receipt()).isEqualTo(bytes("second"));
        assertThat(recorded.receivedAt()).isEqualTo(FIRST.truncatedTo(ChronoUnit.MICROS));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void twoTransportMessagesCannotBothBeRecordedForOneMessageId(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        InboundReceipts node1 = node(settings);
        InboundReceipts node2 = node(settings);
        node1.record("europol", "EU-3", "ID:jms-3a", "ex-3a", FIRST, "DELIVERED", bytes("3a"));

        assertThatThrownBy(() -> node2.record("europol", "EU-3", "ID:jms-3b", "ex-3b", FIRST, "DELIVERED",
                bytes("3b"))).isInstanceOf(ConcurrentAcceptanceException.class);
        assertThat(node2.find("europol", "EU-3").orElseThrow().receipt()).isEqualTo(bytes("3a"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private InboundReceipts node(AuditStoreSettings settings) throws Exception {
        JdbcAuditLog log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit")),
                new SimpleMeterRegistry());
        opened.add(log);
        return InboundReceipts.open(log.database());
    }

    private AuditStoreSettings freshDatabase(String database) throws Exception {
        if (database.equals("H2")) {
            return AuditStoreSettings.embedded(dir.resolve(UUID.randomUUID().toString()));
        }
        String schema = "receipts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = POSTGRES.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return AuditStoreSettings.database(url + "&currentSchema=" + schema, "postgres", "");
    }
}
