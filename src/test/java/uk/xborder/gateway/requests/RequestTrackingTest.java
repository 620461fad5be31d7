package uk.xborder.gateway.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.requests.ResponseDeadline.TimeLimit;
import uk.xborder.gateway.schema.canonical.MessageType;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * Deadline tracking as both pipelines call it, on a real store and audit log: the inbound pipeline's
 * {@link RequestTracking#received} opens what we must answer and closes what we awaited; the outbound pipeline's
 * {@link RequestTracking#sent} does the opposite. Every opening and closing is in the audit log with the due time,
 * and a redelivery changes nothing.
 */
class RequestTrackingTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:14:00Z");
    private static final Agency POLICE_SCOTLAND = new Agency("police-scotland", "Police Scotland",
            "police-scotland-ir-1");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private final AtomicInteger changes = new AtomicInteger();
    private JdbcAuditLog log;
    private OpenRequests requests;
    private RequestTracking tracking;

    @BeforeEach
    void open() throws Exception {
        log = AuditStoreFactory.open(AuditStoreSettings.embedded(dir),
                CheckpointSigner.create(AuditPki.identity("audit")), new SimpleMeterRegistry());
        requests = OpenRequests.on(log.database(), clock);
        tracking = new RequestTracking(requests, log, clock, ZoneId.of("Europe/London"), changes::incrementAndGet);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void anInboundRequestOpensWhatWeMustAnswerDueFromItsReceipt() {
        Instant received = T0.minusSeconds(5);

        tracking.received("ex-in-1", request("EUROPOL-RFI-1", "europol", true, Accessibility.DIRECT), "europol",
                POLICE_SCOTLAND, received);

        OpenRequest open = requests.find(Direction.INBOUND, "EUROPOL-RFI-1", "police-scotland", "europol")
                .orElseThrow();
        assertThat(open.requester()).isEqualTo("europol");
        assertThat(open.requestedParty()).isEqualTo("police-scotland");
        assertThat(open.exchangeId()).isEqualTo("ex-in-1");
        assertThat(open.receivedAt()).isEqualTo(received);
        assertThat(open.dueAt()).isEqualTo(received.plus(Duration.ofHours(8)));
        assertThat(open.urgent()).isTrue();
        assertThat(open.timeLimit()).isEqualTo(TimeLimit.URGENT_DIRECT);
        assertThat(changes).hasValue(1);

        AuditEvent opened = onlyEvent("ex-in-1");
        assertThat(opened.step()).isEqualTo("REQUEST_OPENED");
        assertThat(opened.operation()).isEqualTo("COLLECTION");
        assertThat(opened.actor()).isEqualTo("gateway/requests");
        assertThat(opened.messageId()).isEqualTo("EUROPOL-RFI-1");
        assertThat(opened.sender()).isEqualTo("europol");
        assertThat(opened.recipients()).containsExactly("police-scotland");
        assertThat(opened.explanation()).isEqualTo("INBOUND request due 2026-11-25T17:13:55Z: urgent, directly"
                + " accessible information, 8 hours from receipt at 2026-11-25T09:13:55Z"
                + " (Directive (EU) 2023/977 Art. 5(1)(a)).");
    }

    @Test
    void theSameRequestReceivedAgainOpensNothingMore() {
        RequestFacts facts = request("EUROPOL-RFI-2", "europol", false, null);
        tracking.received("ex-in-2", facts, "europol", POLICE_SCOTLAND, T0);
        clock.advance(Duration.ofMinutes(3));

        tracking.received("ex-in-2", facts, "europol", POLICE_SCOTLAND, clock.instant());

        assertThat(requests.list(new OpenRequests.Query(OpenRequests.State.OPEN, Direction.INBOUND, null, 0, 10))
                .requests()).singleElement().satisfies(r -> assertThat(r.dueAt()).isEqualTo(T0.plus(Duration.ofDays(7))));
        assertThat(log.trail("ex-in-2")).hasSize(1);
        assertThat(changes).hasValue(1);
    }

    @Test
    void anOutboundRequestOpensOneEntryPerPartnerAndAPartnersReplyClosesOnlyItsOwn() {
        tracking.sent("ex-out-1", request("PS-RFI-1", "police-scotland", true, null), POLICE_SCOTLAND,
                List.of("europol", "spoc-ie"), T0);
        assertThat(requests.counts().open(Direction.OUTBOUND)).isEqualTo(2);
        assertThat(log.trail("ex-out-1")).extracting(e -> e.event().step() + " " + e.event().recipients())
                .containsExactlyInAnyOrder("REQUEST_OPENED [europol]", "REQUEST_OPENED [spoc-ie]");
        OpenRequest toEuropol = requests.find(Direction.OUTBOUND, "PS-RFI-1", "police-scotland", "europol")
                .orElseThrow();
        assertThat(toEuropol.dueAt()).as("3 calendar days").isEqualTo(Instant.parse("2026-11-28T09:14:00Z"));
        assertThat(toEuropol.timeLimit()).isEqualTo(TimeLimit.URGENT_INDIRECT);
        clock.advance(Duration.ofHours(30));

        tracking.received("ex-in-3", reply("EUROPOL-R-1", MessageType.RESPONSE, "PS-RFI-1", "europol"),
                "europol", POLICE_SCOTLAND, clock.instant());

        OpenRequest closed = requests.find(Direction.OUTBOUND, "PS-RFI-1", "police-scotland", "europol")
                .orElseThrow();
        assertThat(closed.closedAt()).isEqualTo(clock.instant());
        assertThat(closed.closingMessageId()).isEqualTo("EUROPOL-R-1");
        assertThat(requests.find(Direction.OUTBOUND, "PS-RFI-1", "police-scotland", "spoc-ie").orElseThrow()
                .isOpen()).isTrue();
        AuditEvent event = onlyEvent("ex-in-3");
        assertThat(event.step()).isEqualTo("REQUEST_CLOSED");
        assertThat(event.messageId()).isEqualTo("EUROPOL-R-1");
        assertThat(event.correlationId()).isEqualTo("PS-RFI-1");
        assertThat(event.sender()).isEqualTo("europol");
        assertThat(event.recipients()).containsExactly("police-scotland");
        assertThat(event.explanation()).isEqualTo("OUTBOUND request PS-RFI-1 answered by RESPONSE EUROPOL-R-1 at "
                + "2026-11-26T15:14:00Z, within its time limit (due 2026-11-28T09:14:00Z).");
    }

    @Test
    void ourReplyClosesTheInboundRequestOfThePartnerItGoesToAndSaysWhenItWasLate() {
        tracking.received("ex-in-4", request("EUROPOL-RFI-4", "europol", true, Accessibility.DIRECT), "europol",
                POLICE_SCOTLAND, T0);
        clock.advance(Duration.ofHours(9));

        tracking.sent("ex-out-4", reply("PS-R-4", MessageType.REFUSAL, "EUROPOL-RFI-4", "police-scotland"),
                POLICE_SCOTLAND, List.of("spoc-ie", "europol"), clock.instant());

        assertThat(requests.counts().open(Direction.INBOUND)).isZero();
        assertThat(onlyEvent("ex-out-4").explanation()).contains("answered by REFUSAL PS-R-4")
                .contains("after its time limit (due 2026-11-25T17:14:00Z)");
        assertThat(changes).hasValue(2);
    }

    @Test
    void aReplyToAnUnknownOrAnsweredRequestAndAnAcknowledgementCloseNothing() {
        tracking.sent("ex-out-5", request("PS-RFI-5", "police-scotland", false, null), POLICE_SCOTLAND,
                List.of("europol"), T0);

        tracking.received("ex-in-5a", reply("EU-ACK", MessageType.ACKNOWLEDGEMENT, "PS-RFI-5", "europol"),
                "europol", POLICE_SCOTLAND, T0);
        tracking.received("ex-in-5b", reply("EU-R-X", MessageType.RESPONSE, "PS-RFI-UNKNOWN", "europol"),
                "europol", POLICE_SCOTLAND, T0);
        assertThat(requests.counts().open(Direction.OUTBOUND)).isEqualTo(1);

        RequestFacts answer = reply("EU-R-5", MessageType.RESPONSE, "PS-RFI-5", "europol");
        tracking.received("ex-in-5c", answer, "europol", POLICE_SCOTLAND, T0);
        tracking.received("ex-in-5c", answer, "europol", POLICE_SCOTLAND, T0);

        assertThat(requests.counts().open(Direction.OUTBOUND)).isZero();
        assertThat(log.trail("ex-in-5a")).isEmpty();
        assertThat(log.trail("ex-in-5b")).isEmpty();
        assertThat(log.trail("ex-in-5c")).hasSize(1);
    }

    @Test
    void anAgencyPartnersKnowByAnotherPartyIdIsNamedByItWhileItsOwnIdKeysTheEntry() {
        Agency europolOps = new Agency("europol-ops", "Europol operations", "europol-ie-1", "europol");

        tracking.sent("ex-out-6", request("EU-RFI-6", "europol", false, null), europolOps,
                List.of("police-scotland"), T0);

        OpenRequest open = requests.find(Direction.OUTBOUND, "EU-RFI-6", "europol-ops", "police-scotland")
                .orElseThrow();
        assertThat(open.requester()).isEqualTo("europol");
        assertThat(open.agency()).isEqualTo("europol-ops");
    }

    private AuditEvent onlyEvent(String exchangeId) {
        List<LogEntry> trail = log.trail(exchangeId);
        assertThat(trail).hasSize(1);
        return trail.get(0).event();
    }

    private static RequestFacts request(String id, String sender, boolean urgent, Accessibility accessibility) {
        return new RequestFacts(id, null, MessageType.REQUEST_FOR_INFORMATION, sender, List.of("someone"), urgent,
                urgent, accessibility);
    }

    private static RequestFacts reply(String id, MessageType type, String inReplyTo, String sender) {
        return new RequestFacts(id, inReplyTo, type, sender, List.of("someone"), false, false, null);
    }
}
