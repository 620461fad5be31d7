package uk.xborder.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.testsupport.PostgresPerClass;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * The exchange store on each database: recording is idempotent by reference and attempt key, content is sealed at
 * rest and opens only as its own exchange's, operators find exchanges newest first with a true count, and of two
 * nodes moving the same exchange on at once exactly one wins.
 */
class ExchangeStoreTest {

    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] ORIGINAL = "<Report>the courier is JOHN SMITH</Report>".getBytes(StandardCharsets.UTF_8);

    private final SettableClock clock = new SettableClock(START);
    private final ContentSealing sealing = ContentSealing.of(StorageKey.generate(new SecureRandom(), "test"),
            List.of());
    private StoreDatabases databases;

    @TempDir
    Path dir;

    @BeforeEach
    void databases() {
        databases = new StoreDatabases(POSTGRES, dir);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void recordingTheSameExchangeAgainChangesItsRowAndAddsNone(String database) throws Exception {
        ExchangeStore store = store(database, "node-a");
        String reference = ExchangeReferences.outbound("X-1", "europol");

        store.record(outbound("X-1", "europol", ExchangeState.PROCESSING));
        clock.advance(Duration.ofSeconds(1));
        Recording failed = outbound("X-1", "europol", ExchangeState.FAILED)
                .reason("DELIVERY_FAILED", "The delivery for 'europol' failed after retries.")
                .content(ContentKind.SEALED_ENVELOPE, ORIGINAL)
                .attempt(DeliveryAttempt.failed("p1/2", "jms:queue:gw.partner.europol.out",
                        new IllegalStateException("Connection refused to 'secret-host'")));
        store.record(failed);
        store.record(failed);

        StoredExchange row = store.exchange(reference).orElseThrow();
        assertThat(row.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(row.reasonCode()).isEqualTo("DELIVERY_FAILED");
        assertThat(row.agency()).isEqualTo("police-scotland");
        assertThat(row.partner()).isEqualTo("europol");
        assertThat(row.recipient()).isEqualTo("europol");
        assertThat(row.messageId()).isEqualTo("PS-X-1");
        assertThat(row.createdAt()).isEqualTo(START);
        assertThat(row.updatedAt()).isEqualTo(START.plusSeconds(1));
        assertThat(row.failedSince()).isEqualTo(START.plusSeconds(1));
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.node()).isEqualTo("node-a");
        assertThat(count(store, "gateway_exchange")).isEqualTo(1);
        assertThat(count(store, "gateway_exchange_content")).isEqualTo(1);

        ExchangeDetail detail = store.get(reference).orElseThrow();
        assertThat(detail.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.FAILED);
            assertThat(attempt.endpoint()).isEqualTo("jms:queue:gw.partner.europol.out");
            assertThat(attempt.node()).isEqualTo("node-a");
            assertThat(attempt.error()).isEqualTo("IllegalStateException: Connection refused to '\u2026'");
        });
        assertThat(detail.content()).hasValueSatisfying(content -> {
            assertThat(content.kind()).isEqualTo(ContentKind.SEALED_ENVELOPE);
            assertThat(content.keyId()).isEqualTo(sealing.currentKeyId());
            assertThat(content.erased()).isFalse();
        });
        assertThat(store.openContent(reference)).hasValueSatisfying(opened ->
                assertThat(opened.bytes()).isEqualTo(ORIGINAL));

        // a later delivery (a replay, a redelivery) clears the failure, keeps what it does not name
        store.record(Recording.of(reference, Direction.OUTBOUND, "X-1", ExchangeState.DELIVERED)
                .attempt(DeliveryAttempt.delivered("p2/1", "jms:queue:gw.partner.europol.out")));
        StoredExchange delivered = store.exchange(reference).orElseThrow();
        assertThat(delivered.state()).isEqualTo(ExchangeState.DELIVERED);
        assertThat(delivered.reasonCode()).isNull();
        assertThat(delivered.failedSince()).isNull();
        assertThat(delivered.messageId()).isEqualTo("PS-X-1");
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.version()).isGreaterThan(row.version());
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void contentIsSealedAtRestAndACiphertextMovedToAnotherRowDoesNotOpen(String database) throws Exception {
        ExchangeStore store = store(database, "node-a");
        store.record(outbound("X-1", "europol", ExchangeState.REJECTED).content(ContentKind.ORIGINAL_MESSAGE,
                ORIGINAL));
        store.record(outbound("X-2", "europol", ExchangeState.REJECTED).content(ContentKind.ORIGINAL_MESSAGE,
                "<Report>another</Report>".getBytes(StandardCharsets.UTF_8)));
        String first = ExchangeReferences.outbound("X-1", "europol");
        String second = ExchangeReferences.outbound("X-2", "europol");

        try (Connection c = log.database().getConnection()) {
            try (PreparedStatement select = c.prepareStatement("SELECT ciphertext FROM gateway_exchange_content");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assertThat(new String(rows.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("JOHN");
                }
            }
            try (PreparedStatement move = c.prepareStatement("UPDATE gateway_exchange_content SET"
                    + " (nonce, ciphertext) = (SELECT nonce, ciphertext FROM gateway_exchange_content"
                    + " WHERE reference = ?) WHERE reference = ?")) {
                move.setString(1, first);
                move.setString(2, second);
                assertThat(move.executeUpdate()).isEqualTo(1);
            }
        }

        assertThat(store.openContent(first)).isPresent();
        assertThatThrownBy(() -> store.openContent(second))
                .isInstanceOf(ContentUnsealingException.class)
                .hasMessageContaining("exchange " + second)
                .hasMessageContaining("sealed for another exchange or kind");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void operatorsFindExchangesNewestFirstByEachCriterionWithATrueCount(String database) throws Exception {
        ExchangeStore store = store(database, "node-a");
        for (int i = 0; i < 7; i++) {
            String partner = i % 2 == 0 ? "europol" : "spoc-ie";
            ExchangeState state = i < 5 ? ExchangeState.FAILED : ExchangeState.DELIVERED;
            Recording recording = outbound("X-" + i, partner, state);
            if (state == ExchangeState.FAILED) {
                recording.reason(i == 4 ? "NO_RECEIPT" : "DELIVERY_FAILED", "failed");
            }
            store.record(recording);
            clock.advance(Duration.ofMinutes(1));
        }
        store.record(Recording.of(ExchangeReferences.inbound("I-1"), Direction.INBOUND, "I-1",
                ExchangeState.REJECTED).parties("police-scotland", "europol", "police-scotland")
                .message("EU-1", "ID:eu-1").reason("SIGNER_UNTRUSTED", "untrusted"));

        ExchangePage failed = store.find(ExchangeQuery.all().states(ExchangeState.FAILED).page(0, 2));
        assertThat(failed.total()).isEqualTo(5);
        assertThat(failed.exchanges()).extracting(StoredExchange::exchangeId).containsExactly("X-4", "X-3");
        assertThat(store.find(ExchangeQuery.all().states(ExchangeState.FAILED).page(4, 2)).exchanges())
                .extracting(StoredExchange::exchangeId).containsExactly("X-0");
        assertThat(store.find(ExchangeQuery.all().states(ExchangeState.FAILED).page(6, 2)))
                .satisfies(page -> {
                    assertThat(page.exchanges()).isEmpty();
                    assertThat(page.total()).isEqualTo(5);
                });

        assertThat(store.find(ExchangeQuery.all().partner("spoc-ie")).exchanges())
                .extracting(StoredExchange::exchangeId).containsExactly("X-5", "X-3", "X-1");
        assertThat(store.find(ExchangeQuery.all().reasonCode("NO_RECEIPT")).exchanges())
                .extracting(StoredExchange::exchangeId).containsExactly("X-4");
        assertThat(store.find(ExchangeQuery.all().direction(Direction.INBOUND).agency("police-scotland"))
                .exchanges()).extracting(StoredExchange::messageId).containsExactly("EU-1");
        assertThat(store.find(ExchangeQuery.all().messageId("PS-X-2")).exchanges())
                .extracting(StoredExchange::exchangeId).containsExactly("X-2");
        assertThat(store.find(ExchangeQuery.all().changedBetween(START.plus(Duration.ofMinutes(2)),
                START.plus(Duration.ofMinutes(4)))).exchanges()).extracting(StoredExchange::exchangeId)
                .containsExactly("X-3", "X-2");
        assertThat(store.count(ExchangeQuery.all().states(ExchangeState.FAILED, ExchangeState.REJECTED)))
                .isEqualTo(6);
        assertThat(store.count(ExchangeQuery.all().partner("europol").states(ExchangeState.DELIVERED)))
                .isEqualTo(1);
        assertThat(store.forExchangeId("X-3")).extracting(StoredExchange::reference)
                .containsExactly(ExchangeReferences.outbound("X-3", "spoc-ie"));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void ofTwoNodesReplayingTheSameFailedExchangeAtOnceExactlyOneWins(String database) throws Exception {
        AuditStoreSettings shared = databases.fresh(database);
        ExchangeStore first = store(shared, "node-a");
        ExchangeStore second = store(shared, "node-b");
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Recording failed = outbound("X-" + i, "europol", ExchangeState.FAILED).reason("DELIVERY_FAILED", "x");
            first.record(failed);
            references.add(failed.reference());
        }

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (String reference : references) {
                CountDownLatch go = new CountDownLatch(1);
                Callable<Boolean> byA = () -> {
                    go.await();
                    return first.compareAndSet(reference, ExchangeState.FAILED, ExchangeState.REPLAYED, "by a");
                };
                Callable<Boolean> byB = () -> {
                    go.await();
                    return second.compareAndSet(reference, ExchangeState.FAILED, ExchangeState.DISCARDED, "by b");
                };
                Future<Boolean> a = threads.submit(byA);
                Future<Boolean> b = threads.submit(byB);
                go.countDown();
                boolean aWon = a.get();
                boolean bWon = b.get();
                assertThat(aWon ^ bWon).as("exactly one winner for " + reference).isTrue();
                StoredExchange after = first.exchange(reference).orElseThrow();
                assertThat(after.state()).isEqualTo(aWon ? ExchangeState.REPLAYED : ExchangeState.DISCARDED);
                assertThat(after.node()).isEqualTo(aWon ? "node-a" : "node-b");
                assertThat(after.explanation()).isEqualTo(aWon ? "by a" : "by b");
            }
        } finally {
            threads.shutdownNow();
        }

        // by version: a stale reader loses
        Recording another = outbound("Y-1", "europol", ExchangeState.FAILED);
        first.record(another);
        int read = first.exchange(another.reference()).orElseThrow().version();
        assertThat(second.compareAndSet(another.reference(), read, ExchangeState.REPLAYED, null)).isTrue();
        assertThat(first.compareAndSet(another.reference(), read, ExchangeState.DISCARDED, null)).isFalse();
        assertThat(first.exchange(another.reference()).orElseThrow().state()).isEqualTo(ExchangeState.REPLAYED);
        assertThat(first.compareAndSet("no-such-reference", ExchangeState.FAILED, ExchangeState.REPLAYED, null))
                .isFalse();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aClaimedPartyLongerThanItsColumnIsStillRecorded(String database) throws Exception {
        ExchangeStore store = store(database, "node-a");
        String claimed = "p".repeat(5_000);
        store.record(Recording.of(ExchangeReferences.inbound("I-9"), Direction.INBOUND, "I-9",
                ExchangeState.REJECTED).parties(null, claimed, null).message(claimed, claimed)
                .reason("MALFORMED_ENVELOPE", "e".repeat(5_000)));

        StoredExchange row = store.exchange(ExchangeReferences.inbound("I-9")).orElseThrow();
        assertThat(row.partner()).hasSize(100).endsWith("\u2026");
        assertThat(row.messageId()).hasSize(500);
        assertThat(row.explanation()).hasSize(2000);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void failuresAreCountedPerPartnerWithTheOldestAndDeadLettersApartAndDeadLetterContentIsSealed(String database)
            throws Exception {
        ExchangeStore store = store(database, "node-a");
        store.record(outbound("X-1", "europol", ExchangeState.FAILED).reason("DELIVERY_FAILED", "down"));
        clock.advance(Duration.ofMinutes(5));
        store.record(outbound("X-2", "europol", ExchangeState.FAILED).reason("DELIVERY_FAILED", "down"));
        store.record(outbound("X-3", "nca", ExchangeState.DELIVERED));
        store.record(Recording.of(ExchangeReferences.deadLetter("ID:dl-1"), Direction.INBOUND, "dl-1",
                ExchangeState.FAILED).reason("DEAD_LETTER_UNADDRESSED", "parked")
                .content(ContentKind.DEAD_LETTER, ORIGINAL));
        store.record(outbound("X-4", "spoc-ie", ExchangeState.FAILED).reason("DEAD_LETTER", "parked"));
        assertThat(store.compareAndSet(ExchangeReferences.outbound("X-4", "spoc-ie"), ExchangeState.FAILED,
                ExchangeState.DISCARDED, "discarded")).isTrue();

        Failures failures = store.failures();

        assertThat(failures.byPartner()).containsOnlyKeys("europol");
        assertThat(failures.byPartner().get("europol").count()).isEqualTo(2);
        assertThat(failures.byPartner().get("europol").oldestFailedSince()).isEqualTo(START);
        assertThat(failures.deadLettersWaiting()).isEqualTo(1);
        assertThat(store.openContent(ExchangeReferences.deadLetter("ID:dl-1")).orElseThrow().kind())
                .isEqualTo(ContentKind.DEAD_LETTER);
    }

    private JdbcAuditLog log;

    private ExchangeStore store(String database, String node) throws Exception {
        return store(databases.fresh(database), node);
    }

    private ExchangeStore store(AuditStoreSettings settings, String node) throws Exception {
        log = databases.open(settings);
        return ExchangeStore.open(log.database(), sealing, node, clock);
    }

    private static Recording outbound(String exchangeId, String recipient, ExchangeState state) {
        return Recording.of(ExchangeReferences.outbound(exchangeId, recipient), Direction.OUTBOUND, exchangeId, state)
                .parties("police-scotland", recipient, recipient).message("PS-" + exchangeId, "ID:" + exchangeId);
    }

    private long count(ExchangeStore store, String table) throws Exception {
        try (Connection c = log.database().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
