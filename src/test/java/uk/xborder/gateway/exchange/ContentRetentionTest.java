package uk.xborder.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.testsupport.PostgresPerClass;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * Content is erased once its exchange has not changed for the retention period, and not before; the exchange and its
 * attempts stay, one awaiting an operator becomes EXPIRED, and each erasure is in the audit log without the content.
 */
class ContentRetentionTest {

    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SECRET_TEXT = "the courier is JOHN SMITH";

    private final SettableClock clock = new SettableClock(START);

    @TempDir
    Path dir;

    private StoreDatabases databases;

    @AfterEach
    void close() {
        databases.close();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void contentIsErasedAfterTheRetentionPeriodAndEachErasureIsAudited(String database) throws Exception {
        databases = new StoreDatabases(POSTGRES, dir);
        JdbcAuditLog log = databases.open(databases.fresh(database));
        ExchangeStore store = ExchangeStore.open(log.database(),
                ContentSealing.of(StorageKey.generate(new SecureRandom(), "test"), List.of()), "node-a", clock);
        ContentRetention retention = new ContentRetention(store, log, 30, clock);

        Recording failed = held("X-old", ExchangeState.FAILED)
                .attempt(DeliveryAttempt.failed("p/1", "jms:queue:gw.partner.europol.out",
                        new IllegalStateException("down")));
        store.record(failed);
        Recording replayed = held("X-replayed", ExchangeState.FAILED);
        store.record(replayed);
        store.compareAndSet(replayed.reference(), ExchangeState.FAILED, ExchangeState.REPLAYED, "replayed");
        clock.advance(Duration.ofDays(20));
        Recording younger = held("X-young", ExchangeState.REJECTED);
        store.record(younger);

        clock.advance(Duration.ofDays(10).minusSeconds(1));
        assertThat(retention.eraseExpired()).as("nothing is 30 days old yet").isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(retention.eraseExpired()).isEqualTo(2);
        assertThat(retention.eraseExpired()).as("a second run finds nothing left").isZero();

        ExchangeDetail old = store.get(failed.reference()).orElseThrow();
        assertThat(old.exchange().state()).isEqualTo(ExchangeState.EXPIRED);
        assertThat(old.exchange().reasonCode()).as("why it failed stays known").isEqualTo("DELIVERY_FAILED");
        assertThat(old.attempts()).hasSize(1);
        assertThat(old.content().orElseThrow().erasedAt()).contains(clock.instant());
        assertThat(store.openContent(failed.reference())).isEmpty();
        assertThat(store.exchange(replayed.reference()).orElseThrow().state())
                .as("an operator's decision stays").isEqualTo(ExchangeState.REPLAYED);
        assertThat(store.openContent(younger.reference())).as("20 days younger: kept").isPresent();

        List<AuditEvent> erasures = java.util.stream.Stream.of("X-old", "X-replayed", "X-young")
                .flatMap(id -> log.trail(id).stream()).map(LogEntry::event)
                .filter(e -> e.step().equals("CONTENT_ERASED")).toList();
        assertThat(erasures).extracting(AuditEvent::exchangeId).containsExactlyInAnyOrder("X-old", "X-replayed");
        assertThat(erasures).allSatisfy(event -> {
            assertThat(event.operation()).isEqualTo("ERASURE");
            assertThat(event.eventKey()).startsWith(event.exchangeId() + "/CONTENT_ERASED/");
            assertThat(event.explanation()).contains("ORIGINAL_MESSAGE", "30 days").doesNotContain(SECRET_TEXT);
            assertThat(event.toString()).doesNotContain(SECRET_TEXT);
        });

        clock.advance(Duration.ofDays(21));
        assertThat(retention.eraseExpired()).isEqualTo(1);
        assertThat(store.exchange(younger.reference()).orElseThrow().state()).isEqualTo(ExchangeState.EXPIRED);
    }

    private static Recording held(String exchangeId, ExchangeState state) {
        return Recording.of(ExchangeReferences.outbound(exchangeId, "europol"), Direction.OUTBOUND, exchangeId, state)
                .parties("police-scotland", "europol", "europol").message("PS-" + exchangeId, "ID:" + exchangeId)
                .reason(state == ExchangeState.FAILED ? "DELIVERY_FAILED" : "NO_SAFE_MAPPING", "held")
                .content(ContentKind.ORIGINAL_MESSAGE, ("<Report>" + SECRET_TEXT + "</Report>")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
