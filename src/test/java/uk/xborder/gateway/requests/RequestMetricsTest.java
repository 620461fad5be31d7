package uk.xborder.gateway.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.requests.ResponseDeadline.TimeLimit;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * The gauges of open and overdue requests per direction: what the shared record holds, read again when this node
 * changed it and otherwise at most every fifteen seconds, and the last counts while the database cannot be read.
 */
class RequestMetricsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:14:00Z");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private JdbcAuditLog log;
    private OpenRequests requests;
    private RequestMetrics metrics;

    @BeforeEach
    void open() throws Exception {
        log = AuditStoreFactory.open(AuditStoreSettings.embedded(dir),
                CheckpointSigner.create(AuditPki.identity("audit")), new SimpleMeterRegistry());
        requests = OpenRequests.on(log.database(), clock);
        metrics = new RequestMetrics(requests, clock, registry);
    }

    @AfterEach
    void close() {
        metrics.close();
        log.close();
    }

    @Test
    void theGaugesCountOpenAndOverdueRequestsPerDirection() {
        assertThat(gauge(RequestMetrics.OPEN, "inbound")).isZero();
        requests.open(request(Direction.OUTBOUND, "PS-RFI-1", Duration.ofHours(8)));
        requests.open(request(Direction.OUTBOUND, "PS-RFI-2", Duration.ofDays(3)));
        requests.open(request(Direction.INBOUND, "EU-RFI-1", Duration.ofDays(7)));
        metrics.changed();

        assertThat(gauge(RequestMetrics.OPEN, "outbound")).isEqualTo(2);
        assertThat(gauge(RequestMetrics.OPEN, "inbound")).isEqualTo(1);
        assertThat(gauge(RequestMetrics.OVERDUE, "outbound")).isZero();

        clock.advance(Duration.ofHours(9));

        assertThat(gauge(RequestMetrics.OVERDUE, "outbound")).as("by the passing of time alone").isEqualTo(1);
        assertThat(gauge(RequestMetrics.OVERDUE, "inbound")).isZero();
        assertThat(gauge(RequestMetrics.OPEN, "outbound")).isEqualTo(2);
    }

    @Test
    void withoutAChangeHereTheCountsAreReadAgainOnlyWhenFifteenSecondsOld() {
        assertThat(gauge(RequestMetrics.OPEN, "outbound")).isZero();
        // another node opens a request
        requests.open(request(Direction.OUTBOUND, "PS-RFI-3", Duration.ofHours(8)));

        clock.advance(RequestMetrics.MAX_AGE.minusSeconds(1));
        assertThat(gauge(RequestMetrics.OPEN, "outbound")).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(gauge(RequestMetrics.OPEN, "outbound")).isEqualTo(1);
    }

    @Test
    void whileTheDatabaseCannotBeReadTheGaugesShowTheLastCounts() {
        AtomicBoolean down = new AtomicBoolean();
        OpenRequests unreliable = OpenRequests.on(failing(log.database(), down), clock);
        MeterRegistry scraped = new SimpleMeterRegistry();
        RequestMetrics shown = new RequestMetrics(unreliable, clock, scraped);
        requests.open(request(Direction.INBOUND, "EU-RFI-4", Duration.ofHours(8)));
        try {
            assertThat(scraped.get(RequestMetrics.OPEN).tag("direction", "inbound").gauge().value()).isEqualTo(1);
            requests.open(request(Direction.INBOUND, "EU-RFI-5", Duration.ofHours(8)));
            down.set(true);
            shown.changed();

            assertThat(scraped.get(RequestMetrics.OPEN).tag("direction", "inbound").gauge().value()).isEqualTo(1);

            down.set(false);
            assertThat(scraped.get(RequestMetrics.OPEN).tag("direction", "inbound").gauge().value()).as("read again once it can be")
                    .isEqualTo(2);
        } finally {
            shown.close();
        }
    }

    /** The database, or an SQLException on every connection while {@code down} is set. */
    private static DataSource failing(DataSource database, AtomicBoolean down) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLException("database down (test)");
                    }
                    try {
                        return method.invoke(database, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void closingRemovesTheGauges() {
        metrics.close();

        assertThat(registry.find(RequestMetrics.OPEN).gauges()).isEmpty();
        assertThat(registry.find(RequestMetrics.OVERDUE).gauges()).isEmpty();
    }

    private double gauge(String name, String direction) {
        return registry.get(name).tag("direction", direction).gauge().value();
    }

    private static OpenRequest request(Direction direction, String id, Duration limit) {
        return OpenRequest.opened(direction, id, direction == Direction.OUTBOUND ? "police-scotland" : "europol",
                direction == Direction.OUTBOUND ? "europol" : "police-scotland", "police-scotland", "ex-" + id, T0,
                T0.plus(limit), true, TimeLimit.URGENT_DIRECT);
    }
}
