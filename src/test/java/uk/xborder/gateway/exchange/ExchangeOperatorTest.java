package uk.xborder.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.exchange.operator.ContentReplay;
import uk.xborder.gateway.exchange.operator.ContentReplays;
import uk.xborder.gateway.exchange.operator.ExchangeOperator;
import uk.xborder.gateway.exchange.operator.OperatorAction;
import uk.xborder.gateway.exchange.operator.OperatorResult;
import uk.xborder.gateway.exchange.operator.Outcome;
import uk.xborder.gateway.testsupport.PostgresPerClass;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * The operator's decisions on a real exchange store and audit log (H2): of many replays of one exchange at once
 * exactly one is made; each refusal has its own outcome, changes nothing and is on the exchange's trail; a replay
 * that cannot be sent leaves the exchange as it was.
 */
class ExchangeOperatorTest {

    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    private static final OperatorAction ACTION = new OperatorAction("user:operator", "endpoint restored", false);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AtomicInteger sent = new AtomicInteger();
    private final ContentReplay counting = (exchange, content, replay) -> {
        sent.incrementAndGet();
        return "sent";
    };

    @TempDir
    Path dir;

    private StoreDatabases databases;
    private JdbcAuditLog log;
    private ExchangeStore store;

    @BeforeEach
    void open() throws Exception {
        databases = new StoreDatabases(POSTGRES, dir);
        log = databases.open(databases.fresh("H2"));
        store = ExchangeStore.open(log.database(),
                ContentSealing.of(StorageKey.generate(new SecureRandom(), "test"), List.of()), "node-a", clock);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @Test
    void ofEightReplaysOfOneExchangeAtOnceExactlyOneIsMade() throws Exception {
        Recording failed = held("X-1", ExchangeState.FAILED, "DELIVERY_FAILED", ContentKind.SEALED_ENVELOPE);
        store.record(failed);
        ExchangeOperator operator = operator(counting);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch ready = new CountDownLatch(8);
        List<Future<OperatorResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                ready.await();
                return operator.replay(failed.reference(), ACTION);
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<OperatorResult> result : results) {
            outcomes.add(result.get().outcome());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o == Outcome.REPLAYED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o != Outcome.REPLAYED)
                .allMatch(o -> o == Outcome.CHANGED_MEANWHILE || o == Outcome.IN_PROCESSING);
        assertThat(sent.get()).isEqualTo(1);
        assertThat(store.exchange(failed.reference()).orElseThrow().state()).isEqualTo(ExchangeState.REPLAYED);
        assertThat(trail("X-1", "REPLAY_REQUESTED")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("user:operator");
            assertThat(e.justification()).isEqualTo("endpoint restored");
        });
        assertThat(trail("X-1", "REPLAY_REFUSED")).hasSize(7);
    }

    @Test
    void eachRefusalHasItsOwnOutcomeAndChangesNothing() {
        ExchangeOperator operator = operator(counting);
        Recording processing = held("X-p", ExchangeState.PROCESSING, null, null);
        store.record(processing);
        assertThat(operator.discard(processing.reference(), ACTION).outcome()).isEqualTo(Outcome.IN_PROCESSING);
        assertThat(operator.replay(processing.reference(), ACTION).outcome()).isEqualTo(Outcome.IN_PROCESSING);
        assertThat(store.exchange(processing.reference()).orElseThrow().state()).isEqualTo(ExchangeState.PROCESSING);

        Recording unauthenticated = held("X-u", ExchangeState.REJECTED, "SENDER_NOT_AUTHENTICATED",
                ContentKind.ORIGINAL_MESSAGE);
        store.record(unauthenticated);
        assertThat(operator.replay(unauthenticated.reference(), ACTION).outcome()).isEqualTo(Outcome.NOT_REPLAYABLE);

        Recording receipt = held("X-i", ExchangeState.REJECTED, "RECEIPT_SIGNATURE_INVALID",
                ContentKind.RECEIVED_RECEIPT);
        store.record(receipt);
        assertThat(operator.replay(receipt.reference(), ACTION).outcome()).isEqualTo(Outcome.REPLAY_NOT_SUPPORTED);

        Recording relayed = held("X-c", ExchangeState.REJECTED, "CLIENT_NOT_SENDER", ContentKind.RECEIVED_ENVELOPE);
        store.record(relayed);
        assertThat(operatorWithInbound(counting).replay(relayed.reference(), ACTION).outcome())
                .isEqualTo(Outcome.NOT_REPLAYABLE);

        Recording bare = held("X-b", ExchangeState.REJECTED, "MESSAGE_TOO_LARGE", null);
        store.record(bare);
        assertThat(operator.replay(bare.reference(), ACTION).outcome()).isEqualTo(Outcome.NO_CONTENT);

        Recording old = held("X-o", ExchangeState.FAILED, "DELIVERY_FAILED", ContentKind.SEALED_ENVELOPE);
        store.record(old);
        clock.advance(Duration.ofDays(31));
        new ContentRetention(store, log, 30, clock).eraseExpired();
        assertThat(store.exchange(old.reference()).orElseThrow().state()).isEqualTo(ExchangeState.EXPIRED);
        assertThat(operator.replay(old.reference(), ACTION).outcome()).isEqualTo(Outcome.CONTENT_ERASED);
        assertThat(operator.discard(old.reference(), ACTION).outcome()).isEqualTo(Outcome.DISCARDED);
        assertThat(operator.discard(old.reference(), ACTION).outcome()).isEqualTo(Outcome.NOT_DISCARDABLE);

        assertThat(operator.replay("00000000-0000-0000-0000-000000000000", ACTION).outcome())
                .isEqualTo(Outcome.UNKNOWN_EXCHANGE);
        assertThat(sent.get()).as("nothing was sent").isZero();
        assertThat(trail("X-u", "REPLAY_REFUSED")).singleElement()
                .satisfies(e -> assertThat(e.explanation()).contains("NOT_REPLAYABLE"));
    }

    @Test
    void aDeliveredExchangeIsReplayedOnlyWhenForced() {
        Recording delivered = held("X-d", ExchangeState.DELIVERED, null, ContentKind.SEALED_ENVELOPE);
        store.record(delivered);
        ExchangeOperator operator = operator(counting);
        assertThat(operator.replay(delivered.reference(), ACTION).outcome()).isEqualTo(Outcome.DELIVERED_ALREADY);
        assertThat(operator.replay(delivered.reference(), new OperatorAction("user:operator", "check", true))
                .outcome()).isEqualTo(Outcome.REPLAYED);
        assertThat(sent.get()).isEqualTo(1);
    }

    @Test
    void anExchangeDeliveredMeanwhileByAnotherWayIsReplayedOnlyWhenForced() {
        Recording refused = held("X-m", ExchangeState.REJECTED, "SIGNER_UNTRUSTED", ContentKind.RECEIVED_ENVELOPE);
        store.record(refused);
        ContentReplay deliveredMeanwhile = new ContentReplay() {
            @Override
            public String replay(StoredExchange exchange, OpenedContent content, int replay) {
                sent.incrementAndGet();
                return "sent";
            }

            @Override
            public Optional<String> deliveredAlready(StoredExchange exchange) {
                return Optional.of("its partner sent it again and that was delivered");
            }
        };
        ExchangeOperator operator = operatorWithInbound(deliveredMeanwhile);
        OperatorResult refusal = operator.replay(refused.reference(), ACTION);
        assertThat(refusal.outcome()).isEqualTo(Outcome.DELIVERED_ALREADY);
        assertThat(refusal.explanation()).contains("sent it again", "force");
        assertThat(sent.get()).isZero();
        assertThat(operator.replay(refused.reference(), new OperatorAction("user:operator", "check", true))
                .outcome()).isEqualTo(Outcome.REPLAYED);
        assertThat(sent.get()).isEqualTo(1);
    }

    @Test
    void aReplayedExchangeIsDiscardedNeitherWhileItsReplayIsInFlightNorOnceItLivesOnAsAnotherExchange() {
        ExchangeOperator operator = operatorWithInbound(counting);
        Recording envelope = held("X-s", ExchangeState.FAILED, "DELIVERY_FAILED", ContentKind.SEALED_ENVELOPE);
        Recording original = held("X-r", ExchangeState.REJECTED, "UNKNOWN_RECIPIENT", ContentKind.ORIGINAL_MESSAGE);
        Recording received = held("X-e", ExchangeState.REJECTED, "SIGNER_UNTRUSTED", ContentKind.RECEIVED_ENVELOPE);
        for (Recording recording : List.of(envelope, original, received)) {
            store.record(recording);
            assertThat(operator.replay(recording.reference(), ACTION).outcome()).isEqualTo(Outcome.REPLAYED);
        }
        // the sealed envelope's replay records its outcome on this exchange: in flight until it does
        OperatorResult inFlight = operator.discard(envelope.reference(), ACTION);
        assertThat(inFlight.outcome()).isEqualTo(Outcome.IN_PROCESSING);
        assertThat(inFlight.explanation()).contains("in flight");
        // an original or an envelope replayed is a new exchange: this one is finished with
        for (Recording recording : List.of(original, received)) {
            OperatorResult discard = operator.discard(recording.reference(), ACTION);
            assertThat(discard.outcome()).isEqualTo(Outcome.REPLAYED_ALREADY);
            assertThat(discard.explanation()).contains("exchange of its own", "discard that one");
            assertThat(store.exchange(recording.reference()).orElseThrow().state()).isEqualTo(ExchangeState.REPLAYED);
        }
        assertThat(trail("X-e", "REPLAY_REFUSED")).singleElement()
                .satisfies(e -> assertThat(e.explanation()).contains("REPLAYED_ALREADY"));
    }

    @Test
    void aReplayThatCannotBeSentLeavesTheExchangeAsItWas() {
        Recording failed = held("X-f", ExchangeState.FAILED, "DELIVERY_FAILED", ContentKind.SEALED_ENVELOPE);
        store.record(failed);
        ExchangeOperator operator = operator((exchange, content, replay) -> {
            throw new IllegalStateException("broker down");
        });
        assertThat(operator.replay(failed.reference(), ACTION).outcome()).isEqualTo(Outcome.NOT_SENT);
        assertThat(store.exchange(failed.reference()).orElseThrow().state()).isEqualTo(ExchangeState.FAILED);
        assertThat(operator(counting).replay(failed.reference(), ACTION).outcome()).isEqualTo(Outcome.REPLAYED);
    }

    private ExchangeOperator operator(ContentReplay replay) {
        ContentReplays replays = ContentReplays.of(replay, replay);
        return new ExchangeOperator(store, replays, log, clock);
    }

    /** With a replay of received envelopes too, as the gateway has. */
    private ExchangeOperator operatorWithInbound(ContentReplay replay) {
        return new ExchangeOperator(store, ContentReplays.of(replay, replay).with(ContentKind.RECEIVED_ENVELOPE,
                replay), log, clock);
    }

    private List<AuditEvent> trail(String exchangeId, String step) {
        return log.search(new AuditQuery(null, exchangeId, null, null, null, null, null, null, null, null, 0, 1000))
                .items().stream().map(entry -> entry.event()).filter(e -> e.step().equals(step)).toList();
    }

    private static Recording held(String exchangeId, ExchangeState state, String reason, ContentKind kind) {
        Recording recording = Recording.of(ExchangeReferences.outbound(exchangeId, "europol"), Direction.OUTBOUND,
                        exchangeId, state)
                .parties("police-scotland", "europol", "europol").message("PS-" + exchangeId, "ID:" + exchangeId)
                .reason(reason, reason == null ? null : "held");
        return kind == null ? recording : recording.content(kind, "<envelope/>".getBytes(StandardCharsets.UTF_8));
    }
}
