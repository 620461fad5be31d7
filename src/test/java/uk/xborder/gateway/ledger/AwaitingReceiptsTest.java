package uk.xborder.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * The record of deliveries awaiting a receipt, on each database, with two gateway nodes sharing it: a receipt closes
 * a delivery once, an overdue delivery is claimed by one node only, and only deliveries of accepted exchanges are
 * ever sent again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwaitingReceiptsTest {

    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final List<JdbcAuditLog> opened = new ArrayList<>();
    private final MovableClock clock = new MovableClock(START);

    @TempDir
    Path dir;

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcAuditLog::close);
        opened.clear();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aReceiptClosesTheDeliveryOnceAndARedeliveryOfThatReceiptIsToldApartFromAnother(String database)
            throws Exception {
        Node node = node(freshDatabase(database));
        node.acceptAndExpect("X-1", "PS-1", "europol");
        AwaitingDelivery delivery = node.awaiting.find("police-scotland", "PS-1", "europol", "X-1").orElseThrow();
        assertThat(delivery.state()).isEqualTo(ReceiptState.AWAITING);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(node.awaiting.envelope(delivery)).isEqualTo(envelope("X-1"));

        AwaitingReceipts.Closing first = node.awaiting.close(delivery, ReceiptState.ACKNOWLEDGED, null, null, "ID:r1");
        AwaitingReceipts.Closing redelivered = node.awaiting.close(delivery, ReceiptState.ACKNOWLEDGED, null, null,
                "ID:r1");
        AwaitingReceipts.Closing another = node.awaiting.close(delivery, ReceiptState.REFUSED_BY_PARTNER,
                "SIGNER_UNTRUSTED", "later", "ID:r2");

        assertThat(first.closesNow()).isTrue();
        assertThat(redelivered.closesNow()).as("the same receipt redelivered").isTrue();
        assertThat(another.closesNow()).as("another receipt").isFalse();
        assertThat(another.delivery().state()).isEqualTo(ReceiptState.ACKNOWLEDGED);
        assertThat(node.awaiting.find("police-scotland", "PS-1", "europol", "OTHER-EXCHANGE")).isEmpty();
        assertThat(node.awaiting.find("nca", "PS-1", "europol", null)).as("message ids are per agency").isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void twoNodesNeverBothClaimTheSameResend(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        Node node1 = node(settings);
        Node node2 = node(settings);
        int deliveries = 20;
        for (int i = 0; i < deliveries; i++) {
            node1.acceptAndExpect("X-" + i, "PS-" + i, "europol");
        }
        clock.advance(Duration.ofMinutes(3));

        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Node node : List.of(node1, node2, node1, node2)) {
                runs.add(threads.submit((Callable<Void>) () -> {
                    go.await();
                    for (AwaitingDelivery due : node.awaiting.due(100)) {
                        if (node.awaiting.claimResend(due, clock.instant().plus(Duration.ofMinutes(2)))) {
                            claimed.add(due.exchangeId());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(claimed).as("each overdue delivery resent by exactly one claimant").hasSize(deliveries)
                .doesNotHaveDuplicates();
        assertThat(node2.awaiting.due(100)).as("none due again until the new due time").isEmpty();
        assertThat(node2.awaiting.get("X-0", "europol")).get()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aReceiptAndAGiveUpRacingEachOtherCannotBothWin(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        Node node1 = node(settings);
        Node node2 = node(settings);
        node1.acceptAndExpect("X-R", "PS-R", "europol");
        clock.advance(Duration.ofMinutes(3));
        AwaitingDelivery seen = node2.awaiting.due(10).get(0);

        assertThat(node1.awaiting.close(seen, ReceiptState.ACKNOWLEDGED, null, null, "ID:r").closesNow()).isTrue();
        assertThat(node2.awaiting.claimFailure(seen, "NO_RECEIPT", "late", clock.instant().plusSeconds(30)))
                .as("a give-up after the receipt").isFalse();
        assertThat(node2.awaiting.claimResend(seen, clock.instant().plusSeconds(30)))
                .as("a resend after the receipt").isFalse();
        assertThat(node2.awaiting.get("X-R", "europol")).get()
                .satisfies(d -> assertThat(d.state()).isEqualTo(ReceiptState.ACKNOWLEDGED));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aFailureIsTakenUpAgainUntilTheAgencyHasBeenTold(String database) throws Exception {
        Node node = node(freshDatabase(database));
        node.acceptAndExpect("X-F", "PS-F", "europol");
        clock.advance(Duration.ofMinutes(3));
        AwaitingDelivery due = node.awaiting.due(10).get(0);
        assertThat(node.awaiting.claimFailure(due, "NO_RECEIPT", "No receipt.", clock.instant().plusSeconds(30)))
                .isTrue();
        assertThat(node.awaiting.due(10)).as("leased to the node that claimed it").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        AwaitingDelivery unfinished = node.awaiting.due(10).get(0);
        assertThat(unfinished.state()).isEqualTo(ReceiptState.FAILED);
        assertThat(unfinished.notified()).isFalse();
        assertThat(node.awaiting.claimFailure(unfinished, "NO_RECEIPT", "No receipt.", clock.instant().plusSeconds(30)))
                .isTrue();
        node.awaiting.notified(unfinished);

        clock.advance(Duration.ofMinutes(5));
        assertThat(node.awaiting.due(10)).as("done with once told").isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void onlyDeliveriesOfAcceptedExchangesAreEverDue(String database) throws Exception {
        Node node = node(freshDatabase(database));
        node.expect("X-N", "PS-N", "europol", "ID:jms-X-N");
        clock.advance(Duration.ofMinutes(3));
        assertThat(node.awaiting.due(10)).as("its exchange rolled back or is still running").isEmpty();
        assertThat(node.awaiting.find("police-scotland", "PS-N", "europol", null))
                .as("a receipt still finds it (over HTTPS it comes before the exchange is accepted)").isPresent();

        node.accepted.remember("police-scotland", "PS-N", "ID:jms-X-N");
        assertThat(node.awaiting.due(10)).extracting(AwaitingDelivery::exchangeId).containsExactly("X-N");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aDeliveryWaitingForItsNextAttemptIsNeverSentAgainForWantOfAReceiptYetAReceiptStillClosesIt(String database)
            throws Exception {
        Node node = node(freshDatabase(database));
        node.acceptAndExpect("X-R", "PS-R", "europol");
        assertThat(node.awaiting.retrying("X-R", "europol")).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(node.awaiting.due(10)).as("the envelope may never have arrived").isEmpty();

        assertThat(node.awaiting.delivered("X-R", "europol", clock.instant().plus(Duration.ofMinutes(2)))).isTrue();
        assertThat(node.awaiting.get("X-R", "europol").orElseThrow().state()).isEqualTo(ReceiptState.AWAITING);
        assertThat(node.awaiting.delivered("X-R", "europol", clock.instant())).as("once").isFalse();
        assertThat(node.awaiting.due(10)).as("not yet overdue").isEmpty();
        clock.advance(Duration.ofMinutes(3));
        assertThat(node.awaiting.due(10)).extracting(AwaitingDelivery::exchangeId).containsExactly("X-R");

        node.acceptAndExpect("X-S", "PS-S", "europol");
        node.awaiting.retrying("X-S", "europol");
        AwaitingDelivery retrying = node.awaiting.get("X-S", "europol").orElseThrow();
        assertThat(node.awaiting.close(retrying, ReceiptState.ACKNOWLEDGED, null, null, "ID:r-S").closesNow())
                .as("an attempt that seemed to fail got through").isTrue();
        assertThat(node.awaiting.delivered("X-S", "europol", clock.instant())).isFalse();
        assertThat(node.awaiting.retrying("X-S", "europol")).isFalse();
        assertThat(node.awaiting.get("X-S", "europol").orElseThrow().state()).isEqualTo(ReceiptState.ACKNOWLEDGED);

        node.acceptAndExpect("X-T", "PS-T", "europol");
        node.awaiting.retrying("X-T", "europol");
        node.awaiting.withdraw("X-T", "europol", "DELIVERY_FAILED", "given up");
        assertThat(node.awaiting.get("X-T", "europol").orElseThrow().state()).isEqualTo(ReceiptState.FAILED);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theSameExchangeSentAgainReplacesWhatWasRecordedUnlessAReceiptClosedIt(String database) throws Exception {
        Node node = node(freshDatabase(database));
        node.acceptAndExpect("X-A", "PS-A", "europol");
        node.awaiting.expect(sent("X-A", "PS-A", "europol", "ID:jms-X-A", "second".getBytes(StandardCharsets.UTF_8)));
        AwaitingDelivery again = node.awaiting.get("X-A", "europol").orElseThrow();
        assertThat(node.awaiting.envelope(again)).asString(StandardCharsets.UTF_8).isEqualTo("second");
        assertThat(again.attempts()).isEqualTo(1);

        node.awaiting.close(again, ReceiptState.ACKNOWLEDGED, null, null, "ID:r");
        node.awaiting.expect(sent("X-A", "PS-A", "europol", "ID:jms-X-A", "third".getBytes(StandardCharsets.UTF_8)));
        AwaitingDelivery closed = node.awaiting.get("X-A", "europol").orElseThrow();
        assertThat(closed.state()).isEqualTo(ReceiptState.ACKNOWLEDGED);
        assertThat(node.awaiting.envelope(closed)).asString(StandardCharsets.UTF_8).isEqualTo("second");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aWithdrawnDeliveryIsNeverSentAgain(String database) throws Exception {
        Node node = node(freshDatabase(database));
        node.acceptAndExpect("X-W", "PS-W", "europol");
        node.awaiting.withdraw("X-W", "europol", "DELIVERY_FAILED", "The hand-over failed.");
        clock.advance(Duration.ofHours(1));

        assertThat(node.awaiting.due(10)).isEmpty();
        assertThat(node.awaiting.get("X-W", "europol")).get().satisfies(d -> {
            assertThat(d.state()).isEqualTo(ReceiptState.FAILED);
            assertThat(d.closingReason()).isEqualTo("DELIVERY_FAILED");
        });
    }

    /** One gateway node's view of the shared database. */
    private final class Node {

        final AwaitingReceipts awaiting;
        final AcceptedMessages accepted;

        Node(AwaitingReceipts awaiting, AcceptedMessages accepted) {
            this.awaiting = awaiting;
            this.accepted = accepted;
        }

        void acceptAndExpect(String exchangeId, String messageId, String partner) {
            String transportId = "ID:jms-" + exchangeId;
            expect(exchangeId, messageId, partner, transportId);
            accepted.remember("police-scotland", messageId, transportId);
        }

        void expect(String exchangeId, String messageId, String partner, String transportId) {
            awaiting.expect(sent(exchangeId, messageId, partner, transportId, envelope(exchangeId)));
        }
    }

    private AwaitingReceipts.Sent sent(String exchangeId, String messageId, String partner, String transportId,
                                       byte[] envelope) {
        return new AwaitingReceipts.Sent(exchangeId, partner, "police-scotland", messageId, transportId,
                "ab".repeat(32), envelope, "jms:queue:gw.partner." + partner + ".out",
                clock.instant().plus(Duration.ofMinutes(2)));
    }

    private static byte[] envelope(String exchangeId) {
        return ("<TransportEnvelope>" + exchangeId + "</TransportEnvelope>").getBytes(StandardCharsets.UTF_8);
    }

    private Node node(AuditStoreSettings settings) throws Exception {
        JdbcAuditLog log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit")),
                new SimpleMeterRegistry());
        opened.add(log);
        return new Node(AwaitingReceipts.open(log.database(), clock), AcceptedMessages.open(log.database(), clock));
    }

    private AuditStoreSettings freshDatabase(String database) throws Exception {
        if (database.equals("H2")) {
            return AuditStoreSettings.embedded(dir.resolve(UUID.randomUUID().toString()));
        }
        String schema = "awaiting_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = POSTGRES.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return AuditStoreSettings.database(url + "&currentSchema=" + schema, "postgres", "");
    }

    /** A clock the test moves by hand, shared by every node of a test. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
