package uk.xborder.gateway.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.HeldRows;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.audit.merkle.ConsistencyProofVerifier;
import uk.xborder.gateway.audit.merkle.InclusionProofVerifier;
import uk.xborder.gateway.audit.merkle.MerkleTree;
import uk.xborder.gateway.audit.merkle.ProofVerificationException;
import uk.xborder.gateway.audit.verify.FailureCode;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.audit.verify.VerificationReport;
import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * The contract of the JDBC audit store, run against each database it supports (one subclass per database). Each
 * test gets a fresh, empty database; {@link #open} opens a store on it the way a gateway node would, and several
 * stores on one database stand for several nodes.
 */
abstract class AbstractAuditStoreTest {

    /** A search value that would match everything if it were ever pasted into SQL. */
    private static final String INJECTION = "x' OR '1'='1";

    private static SigningIdentity auditIdentity;

    private final List<JdbcAuditLog> opened = new ArrayList<>();
    /** Settings of this test's database; checkpoints only when a test asks, unless it sets its own. */
    protected AuditStoreSettings settings;

    /** Settings for a new, empty database (or schema) for the current test. */
    protected abstract AuditStoreSettings freshDatabase() throws Exception;

    @BeforeEach
    void freshStore() throws Exception {
        settings = freshDatabase().withCheckpoints(1_000_000, Duration.ofHours(1));
    }

    @AfterEach
    void closeStores() {
        Collections.reverse(opened);
        opened.forEach(JdbcAuditLog::close);
    }

    protected JdbcAuditLog open(AuditStoreSettings with) {
        return open(with, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    protected JdbcAuditLog open(AuditStoreSettings with, Clock clock, MeterRegistry registry) {
        JdbcAuditLog log = AuditStoreFactory.open(with, signer(clock), registry, clock);
        opened.add(log);
        return log;
    }

    /** The example PKI's audit key, as a gateway would sign with it. */
    protected CheckpointSigner signer(Clock clock) {
        try {
            return CheckpointSigner.create(auditIdentity(), clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized SigningIdentity auditIdentity() {
        if (auditIdentity == null) {
            try {
                auditIdentity = AuditPki.identity("audit");
            } catch (Exception e) {
                throw new IllegalStateException("the example audit key could not be loaded", e);
            }
        }
        return auditIdentity;
    }

    private static CheckpointVerifier verifier() throws Exception {
        return CheckpointVerifier.create(AuditPki.certificate("audit"), List.of(), AuditPki.trusting("uk-root-ca"));
    }

    /** A connection to the test database behind the store's back, to look at or alter what it wrote. */
    protected Connection admin() throws SQLException {
        String password = settings.passwordEnv().isEmpty() ? null : System.getenv(settings.passwordEnv());
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user().isEmpty() ? null : settings.user(),
                password);
    }

    // ---------------------------------------------------------------------------------------------- append, read

    @Test
    void anEntryReadBackHasTheCanonicalBytesThatWereHashed() {
        Instant now = Instant.parse("2026-11-25T11:00:00.987654321Z");
        JdbcAuditLog log = open(settings, Clock.fixed(now, ZoneOffset.UTC), new SimpleMeterRegistry());
        AuditEvent full = Events.event("full");
        AuditEvent sparse = Events.sparse("sparse");
        AuditEvent unicode = Events.event("ünïcødé-€-漢字");

        log.record(full);
        log.record(sparse);
        log.record(unicode);

        List<AuditEvent> recorded = List.of(full, sparse, unicode);
        List<LogEntry> entries = log.range(0, 10);
        List<byte[]> stored = log.leafHashes(0, 3);
        assertThat(entries).hasSize(3);
        assertThat(stored).hasSize(3);
        for (int seq = 0; seq < 3; seq++) {
            LogEntry expected = new LogEntry(seq, now, EntryAppender.atMicros(recorded.get(seq)));
            LogEntry read = entries.get(seq);
            assertThat(read).isEqualTo(expected);
            assertThat(EntryCodec.canonical(read)).isEqualTo(EntryCodec.canonical(expected));
            assertThat(MerkleHash.leaf(EntryCodec.canonical(read))).isEqualTo(stored.get(seq));
            assertThat(log.entry(seq)).contains(read);
        }
        assertThat(entries.get(0).event().time()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
        assertThat(entries.get(0).recordedAt()).isEqualTo(Instant.parse("2026-11-25T11:00:00.987654Z"));
        // absent stays null, empty lists stay empty
        LogEntry sparseRead = entries.get(1);
        assertThat(sparseRead.event().messageId()).isNull();
        assertThat(sparseRead.event().recipients()).isEmpty();
        assertThat(sparseRead.event().caseReferences()).isEmpty();
        assertThat(entries.get(0).event().recipients()).containsExactly("europol", "nca");
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.entry(3)).isEmpty();
        assertThat(log.entry(-1)).isEmpty();
        assertThat(log.range(1, 2)).containsExactly(sparseRead);
    }

    @Test
    void aFieldTooLongForItsColumnIsRefusedBeforeItIsQueued() {
        JdbcAuditLog log = open(settings);
        AuditEvent tooLong = Events.with("long", Events.T0, "ex", "m".repeat(501), List.of(),
                AuditOperation.COLLECTION, AuditOutcome.SUCCESS, "police-scotland", List.of(), null);

        assertThatThrownBy(() -> log.record(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messageId")
                .hasMessageNotContaining("mmmm");
        assertThat(log.size()).isZero();
    }

    // ----------------------------------------------------------------------------------------- gap-free, nodes

    @Test
    void twoNodesAppendingConcurrentlyGetConsecutiveSequenceNumbers() throws Exception {
        JdbcAuditLog nodeA = open(settings);
        JdbcAuditLog nodeB = open(settings);
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            JdbcAuditLog node = t % 2 == 0 ? nodeA : nodeB;
            int thread = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    node.record(Events.event("t" + thread + "-" + i));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int total = threads * perThread;
        assertThat(nodeA.size()).isEqualTo(total);
        assertThat(nodeB.size()).isEqualTo(total);
        List<LogEntry> entries = nodeA.range(0, total + 10);
        assertThat(entries).extracting(LogEntry::seq)
                .containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
        Set<String> keys = new HashSet<>();
        entries.forEach(e -> keys.add(e.event().eventKey()));
        assertThat(keys).hasSize(total);

        // Both nodes' trees, and one rebuilt from the rows themselves, agree on the root.
        MerkleTree rebuilt = new MerkleTree();
        entries.forEach(e -> rebuilt.append(MerkleHash.leaf(EntryCodec.canonical(e))));
        SignedCheckpoint fromA = nodeA.checkpoint();
        SignedCheckpoint fromB = nodeB.checkpoint();
        assertThat(fromA.checkpoint().treeSize()).isEqualTo(total);
        assertThat(fromB.checkpoint().treeSize()).isEqualTo(total);
        assertThat(fromA.checkpoint().rootHash()).isEqualTo(rebuilt.root());
        assertThat(fromB.checkpoint().rootHash()).isEqualTo(rebuilt.root());
        assertThat(nodeA.checkpoints()).hasSize(1);
    }

    // -------------------------------------------------------------------------------------------- idempotency

    @Test
    void theSameEventRecordedTwiceIsOneEntry() {
        JdbcAuditLog log = open(settings);
        AuditEvent event = Events.event("once");
        AuditEvent sameKeyOtherContent = Events.sparse("once");

        log.record(event);
        log.record(event);
        log.record(sameKeyOtherContent);

        assertThat(log.size()).isEqualTo(1);
        assertThat(log.entry(0).orElseThrow().event()).isEqualTo(EntryAppender.atMicros(event));
    }

    @Test
    void theSameEventTwiceInOneBatchIsOneEntry() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // The writer lingers for the second copy, so both land in one batch.
        JdbcAuditLog log = open(settings.withBatches(16, Duration.ofMillis(500)), Clock.systemUTC(), registry);
        AuditEvent event = Events.event("twin");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            done.add(pool.submit(() -> {
                go.await();
                log.record(event);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(log.size()).isEqualTo(1);
        assertThat(registry.get(AuditStoreMetrics.BATCH_SIZE).summary().count()).isEqualTo(1);
        assertThat(registry.get(AuditStoreMetrics.BATCH_SIZE).summary().totalAmount()).isEqualTo(2);
        assertThat(registry.get(AuditStoreMetrics.APPENDED).counter().count()).isEqualTo(1);
    }

    @Test
    void anEventRecordedAgainAfterARestartIsNotAppendedAgain() {
        JdbcAuditLog first = open(settings);
        first.record(Events.event("before-restart"));
        first.close();

        JdbcAuditLog second = open(settings);
        second.record(Events.event("before-restart"));
        second.record(Events.event("after-restart"));

        assertThat(second.size()).isEqualTo(2);
        assertThat(second.range(0, 2)).extracting(e -> e.event().eventKey())
                .containsExactly("before-restart", "after-restart");
    }

    // --------------------------------------------------------------------------------------------- search, trail

    private static final Instant S0 = Events.T0.truncatedTo(ChronoUnit.MICROS);

    private JdbcAuditLog searchable() {
        JdbcAuditLog log = open(settings);
        log.record(Events.with("s0", S0, "ex-A", "M1", List.of("C1"), AuditOperation.COLLECTION,
                AuditOutcome.SUCCESS, "police-scotland", List.of("europol"), "UK_GSC OFFICIAL"));
        log.record(Events.with("s1", S0.plusSeconds(1), "ex-A", "M1", List.of("C1", "C2"), AuditOperation.DISCLOSURE,
                AuditOutcome.SUCCESS, "police-scotland", List.of("europol", "nca"), "UK_GSC OFFICIAL-SENSITIVE"));
        log.record(Events.with("s2", S0.plusSeconds(2), "ex-B", "M2", List.of("C2"), AuditOperation.COLLECTION,
                AuditOutcome.REJECTED, "nca", List.of(), "UK_GSC OFFICIAL"));
        log.record(Events.with("s3", S0.plusSeconds(3), "ex-C", "M3", List.of(), AuditOperation.DISCLOSURE,
                AuditOutcome.REFUSED, "police-scotland", List.of("spoc-ie"), "UK_GSC SECRET"));
        log.record(Events.with("s4", S0.plusSeconds(4), "ex-A", "M1", List.of("C1"), AuditOperation.ALTERATION,
                AuditOutcome.SUCCESS, "police-scotland", List.of("nca"), "UK_GSC OFFICIAL"));
        log.record(Events.with("s5", S0.plusSeconds(5), "ex-D", "M4", List.of("C10"), AuditOperation.COLLECTION,
                AuditOutcome.SUCCESS, "police-scotland", List.of("europol-x"), "UK_GSC OFFICIAL-SENSITIVE"));
        return log;
    }

    private static AuditQuery query() {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, null, 0, 100);
    }

    private static List<String> keys(Page<LogEntry> page) {
        return page.items().stream().map(e -> e.event().eventKey()).toList();
    }

    @Test
    void eachSearchCriterionMatchesExactly() {
        JdbcAuditLog log = searchable();
        AuditQuery q = query();

        assertThat(keys(log.search(q))).containsExactly("s0", "s1", "s2", "s3", "s4", "s5");
        assertThat(keys(log.search(new AuditQuery("M1", null, null, null, null, null, null, null, null, null, 0,
                100)))).containsExactly("s0", "s1", "s4");
        assertThat(keys(log.search(new AuditQuery(null, "ex-A", null, null, null, null, null, null, null, null, 0,
                100)))).containsExactly("s0", "s1", "s4");
        // exact: C1 does not match C10
        assertThat(keys(log.search(new AuditQuery(null, null, "C1", null, null, null, null, null, null, null, 0,
                100)))).containsExactly("s0", "s1", "s4");
        assertThat(keys(log.search(new AuditQuery(null, null, null, "nca", null, null, null, null, null, null, 0,
                100)))).containsExactly("s2");
        // exact: europol does not match europol-x
        assertThat(keys(log.search(new AuditQuery(null, null, null, null, "europol", null, null, null, null, null, 0,
                100)))).containsExactly("s0", "s1");
        assertThat(keys(log.search(new AuditQuery(null, null, null, null, null, AuditOperation.DISCLOSURE, null, null,
                null, null, 0, 100)))).containsExactly("s1", "s3");
        assertThat(keys(log.search(new AuditQuery(null, null, null, null, null, null, AuditOutcome.REJECTED, null,
                null, null, 0, 100)))).containsExactly("s2");
        assertThat(keys(log.search(new AuditQuery(null, null, null, null, null, null, null, "UK_GSC OFFICIAL",
                null, null, 0, 100)))).containsExactly("s0", "s2", "s4");
        // from inclusive, to exclusive
        assertThat(keys(log.search(new AuditQuery(null, null, null, null, null, null, null, null, S0.plusSeconds(1),
                S0.plusSeconds(3), 0, 100)))).containsExactly("s1", "s2");
        assertThat(keys(log.search(new AuditQuery(null, null, null, null, null, null, null, null, S0.plusSeconds(4),
                null, 0, 100)))).containsExactly("s4", "s5");
        assertThat(keys(log.search(new AuditQuery(null, null, null, null, null, null, null, null, null,
                S0.plusSeconds(1), 0, 100)))).containsExactly("s0");
        // criteria combine with AND
        assertThat(keys(log.search(new AuditQuery(null, null, "C1", "police-scotland", "nca", null,
                AuditOutcome.SUCCESS, null, null, null, 0, 100)))).containsExactly("s1", "s4");
        assertThat(log.search(new AuditQuery("M1", null, null, "nca", null, null, null, null, null, null, 0, 100))
                .total()).isZero();
    }

    @Test
    void consultationsCanBeLimitedToOneReadersOwnWithoutSpoilingThePage() {
        JdbcAuditLog log = searchable();
        log.record(consultation("c0", S0.plusSeconds(6), "user:auditor"));
        log.record(consultation("c1", S0.plusSeconds(7), "user:operator"));
        log.record(consultation("c2", S0.plusSeconds(8), "unauthenticated"));
        log.record(consultation("c3", S0.plusSeconds(9), "user:operator"));

        AuditQuery all = new AuditQuery(null, null, null, null, null, null, null, null, null, null, 0, 100);
        assertThat(keys(log.search(all))).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "c0", "c1", "c2",
                "c3");
        Page<LogEntry> own = log.search(all.withConsultationsOnlyBy("user:operator"));
        assertThat(keys(own)).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "c1", "c3");
        assertThat(own.total()).isEqualTo(8);
        // the page and its total are of what may be seen, not of what was found and then hidden
        Page<LogEntry> lastPage = log.search(new AuditQuery(null, null, null, null, null, AuditOperation.CONSULTATION,
                null, null, null, null, 1, 5).withConsultationsOnlyBy("user:operator"));
        assertThat(keys(lastPage)).containsExactly("c3");
        assertThat(lastPage.total()).isEqualTo(2);
        // an actor that looks like SQL is only a value
        assertThat(keys(log.search(all.withConsultationsOnlyBy(INJECTION)))).containsExactly("s0", "s1", "s2", "s3",
                "s4", "s5");
    }

    private static AuditEvent consultation(String key, Instant time, String actor) {
        return new AuditEvent(key, time, "api-" + key, null, null, List.of(), "API_SEARCH", "CONSULTATION",
                "SUCCESS", null, "criteria: none", actor, null, List.of(), null, null, null,
                "Court order 2026/17: Operation Kestrel", null);
    }

    @Test
    void searchPagesInLogOrderWithTheTotal() {
        JdbcAuditLog log = searchable();

        Page<LogEntry> second = log.search(new AuditQuery(null, "ex-A", null, null, null, null, null, null, null,
                null, 1, 1));
        assertThat(keys(second)).containsExactly("s1");
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.offset()).isEqualTo(1);
        assertThat(second.limit()).isEqualTo(1);

        Page<LogEntry> firstTwo = log.search(new AuditQuery(null, null, null, null, null, null, null, null, null,
                null, 0, 2));
        assertThat(keys(firstTwo)).containsExactly("s0", "s1");
        assertThat(firstTwo.total()).isEqualTo(6);

        Page<LogEntry> last = log.search(new AuditQuery(null, null, null, null, null, null, null, null, null, null,
                4, 10));
        assertThat(keys(last)).containsExactly("s4", "s5");

        Page<LogEntry> beyond = log.search(new AuditQuery(null, "ex-A", null, null, null, null, null, null, null,
                null, 10, 5));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);

        // a page carries the entries' lists, as for any other read
        assertThat(second.items().get(0).event().recipients()).containsExactly("europol", "nca");
        assertThat(second.items().get(0).event().caseReferences()).containsExactly("C1", "C2");
    }

    @Test
    void aSearchValueThatLooksLikeSqlMatchesNothing() {
        JdbcAuditLog log = searchable();

        List<AuditQuery> queries = List.of(
                new AuditQuery(INJECTION, null, null, null, null, null, null, null, null, null, 0, 100),
                new AuditQuery(null, INJECTION, null, null, null, null, null, null, null, null, 0, 100),
                new AuditQuery(null, null, INJECTION, null, null, null, null, null, null, null, 0, 100),
                new AuditQuery(null, null, null, INJECTION, null, null, null, null, null, null, 0, 100),
                new AuditQuery(null, null, null, null, INJECTION, null, null, null, null, null, 0, 100),
                new AuditQuery(null, null, null, null, null, null, null, INJECTION, null, null, 0, 100));
        for (AuditQuery q : queries) {
            Page<LogEntry> page = log.search(q);
            assertThat(page.total()).as(q.toString()).isZero();
            assertThat(page.items()).isEmpty();
        }
        assertThat(log.trail(INJECTION)).isEmpty();
        assertThat(log.size()).isEqualTo(6);
    }

    @Test
    void aTrailIsOneExchangeInLogOrder() {
        JdbcAuditLog log = searchable();
        log.record(Events.with("s6", S0.minusSeconds(60), "ex-A", "M1", List.of(), AuditOperation.DISCLOSURE,
                AuditOutcome.SUCCESS, "police-scotland", List.of("nca"), "UK_GSC OFFICIAL"));

        // log order, not event-time order: s6 happened first but was logged last
        assertThat(log.trail("ex-A")).extracting(e -> e.event().eventKey()).containsExactly("s0", "s1", "s4", "s6");
        assertThat(log.trail("ex-A")).extracting(LogEntry::seq).containsExactly(0L, 1L, 4L, 6L);
        assertThat(log.trail("ex-none")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ checkpoints

    @Test
    void aCheckpointIsSignedEveryNEntries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JdbcAuditLog log = open(settings.withCheckpoints(10, Duration.ofHours(1)), Clock.systemUTC(), registry);

        for (int i = 0; i < 25; i++) {
            log.record(Events.event("n" + i));
        }

        // The promise is that no more than N entries wait for a signed checkpoint. Triggers that arrive while a
        // checkpoint is being signed are coalesced into it, so the sizes signed depend on timing (10 and 20, or
        // 13 and 24, or one at 17): what is certain is that the latest covers all but fewer than 10 of the 25.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SignedCheckpoint> checkpoints = log.checkpoints();
            assertThat(checkpoints).isNotEmpty();
            assertThat(checkpoints.get(checkpoints.size() - 1).checkpoint().treeSize()).isGreaterThan(25 - 10);
            assertThat(registry.get(AuditStoreMetrics.LAG_ENTRIES).gauge().value()).isLessThan(10);
        });
        assertThat(log.checkpoints().get(0).checkpoint().treeSize()).isGreaterThanOrEqualTo(10);
        assertThat(registry.get(AuditStoreMetrics.APPENDED).counter().count()).isEqualTo(25);
        assertThat(registry.get(AuditStoreMetrics.BATCH_COMMIT).timer().count()).isEqualTo(25);
    }

    @Test
    void aCheckpointIsSignedEveryIntervalIfTheLogGrew() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JdbcAuditLog log = open(settings.withCheckpoints(1_000_000, Duration.ofMillis(200)), Clock.systemUTC(),
                registry);
        assertThat(log.checkpoints()).isEmpty();

        log.record(Events.event("a"));
        log.record(Events.event("b"));
        log.record(Events.event("c"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(log.checkpoints()).extracting(c -> c.checkpoint().treeSize()).contains(3L);
            assertThat(registry.get(AuditStoreMetrics.LAG_ENTRIES).gauge().value()).isZero();
            assertThat(registry.get(AuditStoreMetrics.LAG_SECONDS).gauge().value()).isZero();
        });
    }

    @Test
    void theLagGaugesSayHowFarCheckpointsTrail() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        JdbcAuditLog log = open(settings, clock, registry);
        assertThat(registry.get(AuditStoreMetrics.LAG_ENTRIES).gauge().value()).isZero();
        assertThat(registry.get(AuditStoreMetrics.LAG_SECONDS).gauge().value()).isZero();

        for (int i = 0; i < 5; i++) {
            log.record(Events.event("lag" + i));
        }
        clock.advance(Duration.ofSeconds(90));

        assertThat(registry.get(AuditStoreMetrics.LAG_ENTRIES).gauge().value()).isEqualTo(5);
        assertThat(registry.get(AuditStoreMetrics.LAG_SECONDS).gauge().value()).isEqualTo(90);

        log.checkpoint();

        assertThat(registry.get(AuditStoreMetrics.LAG_ENTRIES).gauge().value()).isZero();
        assertThat(registry.get(AuditStoreMetrics.LAG_SECONDS).gauge().value()).isZero();
        assertThat(registry.get(AuditStoreMetrics.INTEGRITY_FAILED).gauge().value()).isZero();
    }

    @Test
    void checkpointNowSignsOnlyIfTheLogGrew() {
        JdbcAuditLog log = open(settings);
        SignedCheckpoint empty = log.checkpoint();
        assertThat(empty.checkpoint().treeSize()).isZero();
        assertThat(empty.checkpoint().rootHash()).isEqualTo(MerkleHash.emptyRoot());

        log.record(Events.event("one"));
        SignedCheckpoint one = log.checkpoint();
        SignedCheckpoint again = log.checkpoint();

        assertThat(one.checkpoint().treeSize()).isEqualTo(1);
        assertThat(again).isEqualTo(one);
        assertThat(log.checkpoints()).containsExactly(empty, one);
    }

    @Test
    void twoNodesCheckpointingTheSameTreeKeepOne() {
        JdbcAuditLog nodeA = open(settings);
        JdbcAuditLog nodeB = open(settings);
        nodeA.record(Events.event("x"));

        SignedCheckpoint a = nodeA.checkpoint();
        SignedCheckpoint b = nodeB.checkpoint();

        assertThat(b).isEqualTo(a);
        assertThat(nodeB.checkpoints()).containsExactly(a);
    }

    // ------------------------------------------------------------------------------------------------------ proofs

    @Test
    void proofsFromAnyNodeVerifyAgainstTheSignedCheckpointRoots() throws Exception {
        JdbcAuditLog nodeA = open(settings);
        JdbcAuditLog nodeB = open(settings);
        for (int i = 0; i < 13; i++) {
            nodeA.record(Events.event("p" + i));
        }
        nodeA.checkpoint();
        for (int i = 13; i < 30; i++) {
            (i % 2 == 0 ? nodeA : nodeB).record(Events.event("p" + i));
        }
        nodeB.checkpoint();

        // The checkpoints as stored, read back: their signatures verify with the audit certificate.
        CheckpointVerifier verifier = verifier();
        List<SignedCheckpoint> stored = nodeA.checkpoints();
        assertThat(stored).extracting(c -> c.checkpoint().treeSize()).containsExactly(13L, 30L);
        for (SignedCheckpoint checkpoint : stored) {
            verifier.verify(checkpoint);
        }
        byte[] root13 = stored.get(0).checkpoint().rootHash();
        byte[] root30 = stored.get(1).checkpoint().rootHash();

        for (JdbcAuditLog node : List.of(nodeA, nodeB)) {
            for (long seq = 0; seq < 30; seq++) {
                byte[] leaf = MerkleHash.leaf(EntryCodec.canonical(node.entry(seq).orElseThrow()));
                InclusionProofVerifier.verify(leaf, node.inclusionProof(seq, 30), root30);
                if (seq < 13) {
                    InclusionProofVerifier.verify(leaf, node.inclusionProof(seq, 13), root13);
                }
            }
            ConsistencyProofVerifier.verify(node.consistencyProof(13, 30), root13, root30);
        }

        byte[] otherLeaf = MerkleHash.leaf(EntryCodec.canonical(nodeA.entry(4).orElseThrow()));
        assertThatThrownBy(() -> InclusionProofVerifier.verify(otherLeaf, nodeA.inclusionProof(3, 30), root30))
                .isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> nodeA.inclusionProof(3, 31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nodeA.consistencyProof(13, 31)).isInstanceOf(IllegalArgumentException.class);
    }

    // ----------------------------------------------------------------------------------------- durability, tamper

    @Test
    void theLogSurvivesClosingAndReopening() {
        JdbcAuditLog first = open(settings);
        for (int i = 0; i < 20; i++) {
            first.record(Events.event("r" + i));
        }
        List<LogEntry> before = first.range(0, 20);
        first.close(); // signs a closing checkpoint
        SignedCheckpoint closing = open(settings).checkpoints().get(0);
        assertThat(closing.checkpoint().treeSize()).isEqualTo(20);

        JdbcAuditLog reopened = open(settings);
        assertThat(reopened.size()).isEqualTo(20);
        assertThat(reopened.range(0, 20)).isEqualTo(before);
        reopened.record(Events.event("r20"));
        assertThat(reopened.entry(20).orElseThrow().event().eventKey()).isEqualTo("r20");
        SignedCheckpoint later = reopened.checkpoint();
        assertThat(later.checkpoint().treeSize()).isEqualTo(21);
    }

    @Test
    void aStoreThatNoLongerMatchesItsSignedCheckpointKeepsRecordingButSignsNothing() throws Exception {
        JdbcAuditLog before = open(settings);
        before.record(Events.event("a"));
        before.record(Events.event("b"));
        before.checkpoint();
        before.close();
        try (Connection c = admin(); PreparedStatement update = c.prepareStatement(
                "UPDATE audit_entry SET leaf_hash = ? WHERE seq = 0")) {
            update.setBytes(1, MerkleHash.leaf(new byte[] {1}));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        JdbcAuditLog after = open(settings, Clock.systemUTC(), registry);

        after.record(Events.event("c"));
        assertThat(after.size()).isEqualTo(3);
        assertThat(registry.get(AuditStoreMetrics.INTEGRITY_FAILED).gauge().value()).isEqualTo(1);
        assertThatThrownBy(after::checkpoint).isInstanceOf(AuditStoreException.class).hasMessageContaining("altered");
        assertThatThrownBy(() -> after.inclusionProof(0, 2)).isInstanceOf(AuditStoreException.class);
        assertThatThrownBy(() -> after.consistencyProof(1, 2)).isInstanceOf(AuditStoreException.class);
        assertThat(after.checkpoints()).hasSize(1);
        VerificationReport report = new LogVerifier(after, verifier()).verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).isEqualTo(FailureCode.ENTRY_ALTERED);
    }

    @Test
    void aDeletedEntryIsFoundByTheVerifierAndStopsSigning() throws Exception {
        JdbcAuditLog before = open(settings);
        for (int i = 0; i < 3; i++) {
            before.record(Events.event("d" + i));
        }
        before.close();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_entry_recipient WHERE seq = 1");
            s.executeUpdate("DELETE FROM audit_entry_case_reference WHERE seq = 1");
            assertThat(s.executeUpdate("DELETE FROM audit_entry WHERE seq = 1")).isEqualTo(1);
        }

        JdbcAuditLog after = open(settings);

        assertThat(after.size()).isEqualTo(3);
        assertThat(after.leafHashes(0, 3)).hasSize(2);
        assertThatThrownBy(after::checkpoint).isInstanceOf(AuditStoreException.class).hasMessageContaining("missing");
        after.record(Events.event("d3"));
        assertThat(after.size()).isEqualTo(4);
        VerificationReport report = new LogVerifier(after, verifier()).verify();
        assertThat(report.failure()).isEqualTo(FailureCode.ENTRY_MISSING);
    }

    @Test
    void aSoundLogPassesTheLiveVerifier() throws Exception {
        JdbcAuditLog log = open(settings.withCheckpoints(7, Duration.ofHours(1)));
        for (int i = 0; i < 40; i++) {
            log.record(Events.event("v" + i));
        }
        log.checkpoint();

        VerificationReport report = new LogVerifier(log, verifier()).verify();

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(40);
    }

    @Test
    void aBatchThatFailsIsReportedToEveryCallerAndGoodEventsInItStillCommit() throws Exception {
        JdbcAuditLog log = open(settings.withBatches(16, Duration.ofMillis(300)));
        try (Connection c = admin(); Statement s = c.createStatement()) {
            // A database rule this test's "poison" event breaks: its batch fails on the data.
            s.execute("ALTER TABLE audit_entry ADD CONSTRAINT test_no_poison CHECK (step <> 'POISON')");
        }
        AuditEvent poison = new AuditEvent("poison", Events.T0, "ex-p", null, null, List.of(), "POISON",
                "COLLECTION", "SUCCESS", null, null, "gateway/outbound", null, List.of(),
                null, null, null, null, null);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (AuditEvent event : List.of(Events.event("good-1"), poison, Events.event("good-2"))) {
            done.add(pool.submit(() -> {
                go.await();
                try {
                    log.record(event);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(failures).hasSize(1);
        assertThat(failures.peek()).isInstanceOf(AuditStoreException.class);
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.range(0, 2)).extracting(e -> e.event().eventKey())
                .containsExactlyInAnyOrder("good-1", "good-2");
    }

    @Test
    void everyRecordThatReturnedIsInTheLogAfterAClose() throws Exception {
        JdbcAuditLog log = open(settings);
        ConcurrentLinkedQueue<String> confirmed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    String key = "c" + thread + "-" + i;
                    try {
                        log.record(Events.event(key));
                    } catch (AuditStoreException refused) {
                        return null; // closed: this one was not recorded, and the caller was told
                    }
                    confirmed.add(key);
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> confirmed.size() >= 100);
        log.close();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        JdbcAuditLog reopened = open(settings);
        Set<String> logged = new HashSet<>();
        reopened.range(0, reopened.size()).forEach(e -> logged.add(e.event().eventKey()));
        assertThat(logged).containsAll(confirmed);
        assertThat(reopened.size()).isEqualTo(logged.size());
    }

    @Test
    void recordingAfterCloseIsRefused() {
        JdbcAuditLog log = open(settings);
        log.close();

        assertThatThrownBy(() -> log.record(Events.event("late")))
                .isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theSchemaMayShareItsDatabaseWithOtherTables() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE someone_elses_table (id INTEGER PRIMARY KEY)");
        }

        JdbcAuditLog log = open(settings);
        log.record(Events.event("shared"));

        assertThat(log.size()).isEqualTo(1);
    }

    // ------------------------------------------------------------------- other stores' writes in the same commit

    /**
     * A store on the audit log's database that holds its rows back in a batch, as the exchange store and the ledger
     * do: it inserts them into a side table in the transaction it is given, or alone, and notes what it saw of the
     * transaction.
     */
    private static final class SideTable implements HeldRows.Writer<String> {

        final DataSource database;
        final List<String> writtenAlone = Collections.synchronizedList(new ArrayList<>());
        /** For each writeIn: whether the transaction was open and how many of the batch's events it could see. */
        final List<String> sawInTransaction = Collections.synchronizedList(new ArrayList<>());
        boolean failInTransaction;
        boolean failAlone;

        SideTable(DataSource database) {
            this.database = database;
        }

        void record(String id) {
            AuditBatch.writesOf(this, () -> new HeldRows<>(database, this)).orElseThrow().add(id);
        }

        @Override
        public void writeIn(Connection transaction, List<String> ids) throws SQLException {
            try (Statement s = transaction.createStatement();
                 ResultSet events = s.executeQuery("SELECT COUNT(*) FROM audit_entry")) {
                events.next();
                sawInTransaction.add("autoCommit=" + transaction.getAutoCommit() + " events=" + events.getLong(1));
            }
            insert(transaction, ids);
            if (failInTransaction) {
                throw new SQLException("refused in the shared transaction", "23505");
            }
        }

        @Override
        public void writeAlone(List<String> ids) {
            if (failAlone) {
                throw new IllegalStateException("refused alone too");
            }
            try (Connection c = database.getConnection()) {
                c.setAutoCommit(true);
                insert(c, ids);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            writtenAlone.addAll(ids);
        }

        private static void insert(Connection c, List<String> ids) throws SQLException {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO side_record (id) VALUES (?)")) {
                for (String id : ids) {
                    insert.setString(1, id);
                    insert.executeUpdate();
                }
            }
        }
    }

    private List<String> sideRecords() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id FROM side_record ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private void createSideTable() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE side_record (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    @Test
    void inABatchAnotherStoresWritesOnTheLogsDatabaseCommitInTheSameTransactionAsTheEvents() throws Exception {
        createSideTable();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JdbcAuditLog log = open(settings, Clock.systemUTC(), registry);
        SideTable side = new SideTable(log.database());

        AuditBatch batch = AuditBatch.open();
        try {
            log.record(Events.event("with-rider-1"));
            side.record("row-1");
            log.record(Events.event("with-rider-2"));
            side.record("row-2");
            assertThat(sideRecords()).as("held until the batch is awaited").isEmpty();
            AuditBatch.awaitRecorded();
        } finally {
            batch.close();
        }

        assertThat(side.sawInTransaction).as("the rows went in the transaction that holds the two events, uncommitted")
                .containsExactly("autoCommit=false events=2");
        assertThat(side.writtenAlone).isEmpty();
        assertThat(sideRecords()).containsExactly("row-1", "row-2");
        assertThat(log.size()).isEqualTo(2);
        assertThat(registry.get(AuditStoreMetrics.BATCH_SIZE).summary().count()).as("one commit").isEqualTo(1);
    }

    @Test
    void writesTheSharedTransactionCannotTakeAreWrittenAloneAndNeitherTheEventsNorTheOthersSuffer() throws Exception {
        createSideTable();
        JdbcAuditLog log = open(settings);
        SideTable refused = new SideTable(log.database());
        refused.failInTransaction = true;
        SideTable fine = new SideTable(log.database());

        AuditBatch batch = AuditBatch.open();
        try {
            log.record(Events.event("conflict"));
            refused.record("refused-row");
            fine.record("fine-row");
            AuditBatch.awaitRecorded();
        } finally {
            batch.close();
        }

        assertThat(refused.writtenAlone).as("rolled back to before it, then written alone").containsExactly(
                "refused-row");
        assertThat(fine.writtenAlone).as("taken by the transaction").isEmpty();
        assertThat(sideRecords()).containsExactly("fine-row", "refused-row");
        assertThat(log.size()).isEqualTo(1);
    }

    @Test
    void writesThatCannotBeWrittenAloneEitherFailTheBatchAfterItsEventsCommitted() throws Exception {
        createSideTable();
        JdbcAuditLog log = open(settings);
        SideTable broken = new SideTable(log.database());
        broken.failInTransaction = true;
        broken.failAlone = true;

        AuditBatch batch = AuditBatch.open();
        try {
            log.record(Events.event("before-the-failure"));
            broken.record("never-row");
            assertThatThrownBy(AuditBatch::awaitRecorded)
                    .isInstanceOf(IllegalStateException.class).hasMessage("refused alone too");
            assertThatThrownBy(AuditBatch::awaitRecorded)
                    .as("nothing of the unit of work may commit now").hasMessage("refused alone too");
        } finally {
            batch.close();
        }

        assertThat(sideRecords()).as("its partial insert rolled back to the savepoint").isEmpty();
        assertThat(log.size()).as("recording again is idempotent; the message is taken again").isEqualTo(1);
    }
}
