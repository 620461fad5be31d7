package uk.xborder.gateway.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
import uk.xborder.gateway.requests.OpenRequests.Query;
import uk.xborder.gateway.requests.OpenRequests.State;
import uk.xborder.gateway.requests.ResponseDeadline.TimeLimit;
import uk.xborder.gateway.testsupport.PostgresPerClass;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * The record of open requests on each database, shared by two gateway nodes: what one opens the other lists and
 * counts, a request is closed once and only by a reply between the same agency and partner, and overdue is judged by
 * the clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenRequestsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:14:00.123456Z");

    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    private final List<JdbcAuditLog> opened = new ArrayList<>();
    private final SettableClock clock = new SettableClock(T0);

    @TempDir
    Path dir;

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcAuditLog::close);
        opened.clear();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void whatOneNodeOpensTheOtherListsAsItWasWritten(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        OpenRequests node1 = node(settings);
        OpenRequests node2 = node(settings);
        OpenRequest request = outbound("PS-RFI-1", "europol", T0.plus(Duration.ofHours(8)));

        assertThat(node1.open(request)).isTrue();

        assertThat(node2.list(new Query(State.OPEN, null, null, 0, 100)).requests()).containsExactly(request);
        assertThat(node2.find(Direction.OUTBOUND, "PS-RFI-1", "police-scotland", "europol")).contains(request);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void openingTheSameRequestAgainChangesNothing(String database) throws Exception {
        OpenRequests requests = node(freshDatabase(database));
        OpenRequest first = outbound("PS-RFI-2", "europol", T0.plus(Duration.ofHours(8)));
        requests.open(first);

        boolean again = requests.open(outbound("PS-RFI-2", "europol", T0.plus(Duration.ofDays(7))));

        assertThat(again).isFalse();
        assertThat(requests.find(Direction.OUTBOUND, "PS-RFI-2", "police-scotland", "europol")).contains(first);
        assertThat(requests.counts().open(Direction.OUTBOUND)).isEqualTo(1);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void onlyAReplyBetweenTheSameAgencyAndPartnerClosesARequestAndOnlyOnce(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        OpenRequests node1 = node(settings);
        OpenRequests node2 = node(settings);
        node1.open(outbound("PS-RFI-3", "europol", T0.plus(Duration.ofHours(8))));
        node1.open(outbound("PS-RFI-3", "spoc-ie", T0.plus(Duration.ofHours(8))));
        Instant replied = T0.plus(Duration.ofHours(2));

        assertThat(node2.closeBy("IE-1", "PS-RFI-3", Direction.OUTBOUND, "nca", "europol", replied))
                .as("another agency").isEmpty();
        assertThat(node2.closeBy("IE-1", "PS-RFI-3", Direction.INBOUND, "police-scotland", "europol", replied))
                .as("the other direction").isEmpty();
        assertThat(node2.closeBy("IE-1", "PS-RFI-9", Direction.OUTBOUND, "police-scotland", "europol", replied))
                .as("an unknown request").isEmpty();

        OpenRequest closed = node2.closeBy("EU-1", "PS-RFI-3", Direction.OUTBOUND, "police-scotland", "europol",
                replied).orElseThrow();
        assertThat(closed.closedAt()).isEqualTo(replied);
        assertThat(closed.closingMessageId()).isEqualTo("EU-1");
        assertThat(closed.isOpen()).isFalse();
        assertThat(node1.closeBy("EU-2", "PS-RFI-3", Direction.OUTBOUND, "police-scotland", "europol",
                replied.plusSeconds(60))).as("already closed").isEmpty();
        assertThat(node1.find(Direction.OUTBOUND, "PS-RFI-3", "police-scotland", "europol").orElseThrow()
                .closingMessageId()).isEqualTo("EU-1");

        assertThat(node1.list(new Query(State.OPEN, null, null, 0, 100)).requests())
                .extracting(OpenRequest::requestedParty).containsExactly("spoc-ie");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void anInboundRequestIsClosedByOurReplyToItsRequester(String database) throws Exception {
        OpenRequests requests = node(freshDatabase(database));
        requests.open(inbound("EUROPOL-RFI-1", "europol", T0.plus(Duration.ofHours(8))));

        assertThat(requests.closeBy("PS-R-1", "EUROPOL-RFI-1", Direction.INBOUND, "police-scotland", "spoc-ie",
                T0)).as("to another partner").isEmpty();
        assertThat(requests.closeBy("PS-R-1", "EUROPOL-RFI-1", Direction.INBOUND, "police-scotland", "europol",
                T0)).isPresent();
        assertThat(requests.counts().open(Direction.INBOUND)).isZero();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void overdueAreTheOpenRequestsPastTheirDueTimeSoonestDueFirst(String database) throws Exception {
        OpenRequests requests = node(freshDatabase(database));
        requests.open(outbound("PS-RFI-8H", "europol", T0.plus(Duration.ofHours(8))));
        requests.open(outbound("PS-RFI-3D", "europol", T0.plus(Duration.ofDays(3))));
        requests.open(inbound("EUROPOL-RFI-8H", "europol", T0.plus(Duration.ofHours(8)).plusSeconds(1)));
        requests.open(inbound("EUROPOL-RFI-7D", "europol", T0.plus(Duration.ofDays(7))));
        requests.open(outbound("PS-RFI-DONE", "europol", T0.plus(Duration.ofHours(1))));
        requests.closeBy("EU-9", "PS-RFI-DONE", Direction.OUTBOUND, "police-scotland", "europol", T0);

        clock.set(T0.plus(Duration.ofHours(8)));
        assertThat(requests.list(new Query(State.OVERDUE, null, null, 0, 100)).total())
                .as("at the due time itself").isZero();

        clock.set(T0.plus(Duration.ofDays(4)));
        OpenRequests.Listing overdue = requests.list(new Query(State.OVERDUE, null, null, 0, 100));
        assertThat(overdue.requests()).extracting(OpenRequest::messageId)
                .containsExactly("PS-RFI-8H", "EUROPOL-RFI-8H", "PS-RFI-3D");
        assertThat(overdue.requests()).allMatch(r -> r.isOverdue(clock.instant()));
        assertThat(requests.list(new Query(State.OVERDUE, Direction.INBOUND, null, 0, 100)).requests())
                .extracting(OpenRequest::messageId).containsExactly("EUROPOL-RFI-8H");
        assertThat(requests.list(new Query(State.OPEN, null, null, 0, 100)).requests())
                .extracting(OpenRequest::messageId)
                .containsExactly("PS-RFI-8H", "EUROPOL-RFI-8H", "PS-RFI-3D", "EUROPOL-RFI-7D");

        OpenRequests.Counts counts = requests.counts();
        assertThat(counts.at()).isEqualTo(clock.instant());
        assertThat(counts.open(Direction.OUTBOUND)).isEqualTo(2);
        assertThat(counts.overdue(Direction.OUTBOUND)).isEqualTo(2);
        assertThat(counts.open(Direction.INBOUND)).isEqualTo(2);
        assertThat(counts.overdue(Direction.INBOUND)).isEqualTo(1);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aListingIsPagedAndFilteredByAgency(String database) throws Exception {
        OpenRequests requests = node(freshDatabase(database));
        for (int i = 1; i <= 5; i++) {
            requests.open(outbound("PS-RFI-P" + i, "europol", T0.plus(Duration.ofHours(i))));
        }
        requests.open(OpenRequest.opened(Direction.OUTBOUND, "NCA-RQ-1", "nca", "europol", "nca", "ex-nca",
                T0, T0.plus(Duration.ofHours(9)), true, TimeLimit.URGENT_DIRECT));

        OpenRequests.Listing page = requests.list(new Query(State.OPEN, null, "police-scotland", 1, 2));

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.requests()).extracting(OpenRequest::messageId).containsExactly("PS-RFI-P2", "PS-RFI-P3");
        assertThat(requests.list(new Query(State.OPEN, null, "nca", 0, 100)).requests())
                .extracting(OpenRequest::messageId).containsExactly("NCA-RQ-1");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theRecordIsALedgerMigrationOfItsOwn(String database) throws Exception {
        AuditStoreSettings settings = freshDatabase(database);
        node(settings);

        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), null);
             Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT \"version\" FROM \"ledger_schema_history\" WHERE \"success\"")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            assertThat(versions).contains("1", "5");
        }
    }

    private static OpenRequest outbound(String messageId, String partner, Instant due) {
        return OpenRequest.opened(Direction.OUTBOUND, messageId, "police-scotland", partner, "police-scotland",
                "ex-" + messageId, T0, due, true, TimeLimit.URGENT_DIRECT);
    }

    private static OpenRequest inbound(String messageId, String partner, Instant due) {
        return OpenRequest.opened(Direction.INBOUND, messageId, partner, "police-scotland", "police-scotland",
                "ex-" + messageId, T0, due, false, TimeLimit.STANDARD);
    }

    private OpenRequests node(AuditStoreSettings settings) throws Exception {
        JdbcAuditLog log = AuditStoreFactory.open(settings, CheckpointSigner.create(AuditPki.identity("audit")),
                new SimpleMeterRegistry());
        opened.add(log);
        return OpenRequests.on(log.database(), clock);
    }

    private AuditStoreSettings freshDatabase(String database) throws Exception {
        if (database.equals("H2")) {
            return AuditStoreSettings.embedded(dir.resolve(UUID.randomUUID().toString()));
        }
        String schema = "requests_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = POSTGRES.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return AuditStoreSettings.database(url + "&currentSchema=" + schema, "postgres", "");
    }
}
