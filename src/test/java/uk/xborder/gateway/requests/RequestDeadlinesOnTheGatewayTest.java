package uk.xborder.gateway.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.schema.canonical.MessageType;
import uk.xborder.gateway.testsupport.ApiCalls;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.SettableClock;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * Deadlines of requests for information on the real gateway, on a clock the test moves: an urgent request without
 * its reasons is refused on the outbound path; a request delivered to a partner opens its deadline, due 8 hours after
 * delivery when urgent and directly accessible; our response naming a partner's open request closes it; and past the
 * due time the request is overdue in the API and in the metrics. The inbound pipeline's call
 * ({@code requestTracking.received}) is made here as that pipeline makes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestDeadlinesOnTheGatewayTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";
    private static final String URGENT_DIRECT_RFI = "police-scotland/valid/ps-rfi-urgent-direct-europol.xml";

    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private RunningGateway gateway;
    private ApiCalls api;

    @BeforeAll
    void start() throws Exception {
        gateway = RunningGateway.start(Map.of(), Map.of("clock", clock));
        api = new ApiCalls(gateway);
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void anUrgentRequestWithoutItsReasonsIsRefusedKeptAuditedAndSentToNobody() throws Exception {
        String messageId = Examples.uniqueId("PS-RFI");
        NotifyBuilder finished = new NotifyBuilder(gateway.context()).fromRoute("outbound-" + PS).whenDone(1)
                .create();
        String transportId = gateway.send(PS, rfi(messageId)
                .remove("<UrgencyJustification>[^<]*</UrgencyJustification>").xml());

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.reasonCode()).isEqualTo("URGENCY_WITHOUT_REASONS");
        assertThat(notice.explanation()).contains(messageId).contains("URGENT").contains("Art. 4(4)");
        Message kept = gateway.receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(kept).as("original kept on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo("URGENCY_WITHOUT_REASONS");
        assertThat(gateway.audit().forExchange(notice.exchangeId()))
                .filteredOn(e -> e.step().equals("REJECTED")).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("URGENCY_WITHOUT_REASONS"));
        assertThat(gateway.audit().stepsOf(notice.exchangeId())).doesNotContain("AUTHORISED", "REQUEST_OPENED");
        assertThat(finished.matches(WAIT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(gateway.browse("gw.partner.europol.out"))
                .noneMatch(m -> messageId.equals(property(m, "GwMessageId")));
        assertThat(openRequests("outbound")).doesNotContain(messageId);
    }

    @Test
    void aRequestDeliveredToAPartnerOpensItsDeadlineEightHoursAfterDelivery() throws Exception {
        String messageId = Examples.uniqueId("PS-RFI");
        Instant delivered = clock.instant();

        StatusNotices.Notice notice = status(gateway.send(PS, rfi(messageId).xml()));

        assertThat(notice.outcome()).isEqualTo("ACCEPTED");
        JsonNode entry = request("outbound", messageId);
        assertThat(entry.path("requester").asText()).isEqualTo(PS);
        assertThat(entry.path("requestedParty").asText()).isEqualTo("europol");
        assertThat(entry.path("agency").asText()).isEqualTo(PS);
        assertThat(entry.path("exchangeId").asText()).isEqualTo(notice.exchangeId());
        assertThat(Instant.parse(entry.path("receivedAt").asText())).isEqualTo(delivered);
        assertThat(Instant.parse(entry.path("dueAt").asText())).isEqualTo(delivered.plus(Duration.ofHours(8)));
        assertThat(entry.path("urgent").asBoolean()).isTrue();
        assertThat(entry.path("timeLimit").asText()).isEqualTo("URGENT_DIRECT");
        assertThat(entry.path("overdue").asBoolean()).isFalse();

        List<AuditEvent> trail = gateway.audit().forExchange(notice.exchangeId());
        assertThat(trail).extracting(AuditEvent::step).endsWith("STATUS_ISSUED", "REQUEST_OPENED");
        assertThat(trail.get(trail.size() - 1).explanation())
                .startsWith("OUTBOUND request due " + delivered.plus(Duration.ofHours(8)) + ": urgent, directly"
                        + " accessible information, 8 hours")
                .doesNotContain("consignment", "trailer");
    }

    @Test
    void ourResponseClosesThePartnersOpenRequestAndTheirsClosesOurs() throws Exception {
        String theirs = Examples.uniqueId("EUROPOL-RFI");
        Agency policeScotland = gateway.context().getRegistry()
                .lookupByNameAndType("partyDirectory", uk.xborder.gateway.directory.PartyDirectory.class)
                .agency(PS).orElseThrow();
        RequestTracking tracking = gateway.context().getRegistry()
                .lookupByNameAndType("requestTracking", RequestTracking.class);
        tracking.received("ex-inbound-" + theirs, new RequestFacts(theirs, null,
                MessageType.REQUEST_FOR_INFORMATION, "europol", List.of(PS), false, false, null), "europol",
                policeScotland, clock.instant());
        assertThat(openRequests("inbound")).contains(theirs);

        String response = Examples.uniqueId("PS-RESP");
        String xml = rfi(response).replace("<ReportType>([^<]+)</ReportType>", "RFI-RESPONSE").xml()
                .replace("</RelatedReportURN>", "</RelatedReportURN><InResponseToURN>" + theirs + "</InResponseToURN>");
        StatusNotices.Notice notice = status(gateway.send(PS, xml));

        assertThat(notice.outcome()).isEqualTo("ACCEPTED");
        assertThat(openRequests("inbound")).doesNotContain(theirs);
        assertThat(openRequests("outbound")).as("a response opens nothing").doesNotContain(response);
        assertThat(gateway.audit().forExchange(notice.exchangeId()))
                .filteredOn(e -> e.step().equals("REQUEST_CLOSED")).singleElement().satisfies(e -> {
                    assertThat(e.messageId()).isEqualTo(response);
                    assertThat(e.correlationId()).isEqualTo(theirs);
                    assertThat(e.explanation()).contains("INBOUND request " + theirs + " answered by RESPONSE");
                });

        String ours = Examples.uniqueId("PS-RFI");
        status(gateway.send(PS, rfi(ours).xml()));
        assertThat(openRequests("outbound")).contains(ours);
        tracking.received("ex-inbound-reply-" + ours, new RequestFacts(Examples.uniqueId("EUROPOL-R"), ours,
                MessageType.RESPONSE, "europol", List.of(PS), false, false, null), "europol", policeScotland,
                clock.instant());
        assertThat(openRequests("outbound")).doesNotContain(ours);
    }

    @Test
    void pastItsDueTimeARequestIsOverdueInTheApiAndTheMetrics() throws Exception {
        String messageId = Examples.uniqueId("PS-RFI");
        status(gateway.send(PS, rfi(messageId).xml()));
        assertThat(ids(api.read("/api/v1/requests?state=overdue&direction=outbound", "operator")))
                .doesNotContain(messageId);

        clock.advance(Duration.ofHours(8).plusMinutes(1));

        JsonNode overdue = api.read("/api/v1/requests?state=overdue&direction=outbound", "operator");
        assertThat(overdue.path("state").asText()).isEqualTo("OVERDUE");
        assertThat(ids(overdue)).contains(messageId);
        assertThat(overdue.path("requests")).allMatch(r -> r.path("overdue").asBoolean());
        long overdueOutbound = overdue.path("overdue").path("OUTBOUND").asLong();
        assertThat(overdueOutbound).isEqualTo(overdue.path("total").asLong()).isPositive();
        JsonNode open = api.read("/api/v1/requests", "auditor");
        assertThat(api.metric("gateway_requests_overdue", "direction", "outbound")).isEqualTo(overdueOutbound);
        assertThat(api.metric("gateway_requests_open", "direction", "outbound"))
                .isEqualTo(open.path("open").path("OUTBOUND").asLong());
        assertThat(api.metric("gateway_requests_open", "direction", "inbound"))
                .isEqualTo(open.path("open").path("INBOUND").asLong());
    }

    @Test
    void readingTheRequestsIsAConsultationRecordedWithItsCriteria() throws Exception {
        HttpResponse<String> read = api.get("/api/v1/requests?direction=INBOUND&limit=5", "operator",
                ApiCalls.JUSTIFICATION);

        assertThat(read.statusCode()).isEqualTo(200);
        String requestId = read.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(gateway.audit().forExchange(requestId)).singleElement().satisfies(e -> {
            assertThat(e.step()).isEqualTo("API_REQUESTS");
            assertThat(e.operation()).isEqualTo("CONSULTATION");
            assertThat(e.actor()).isEqualTo("user:operator");
            assertThat(e.justification()).isEqualTo(ApiCalls.JUSTIFICATION);
            assertThat(e.explanation()).isEqualTo("criteria: state=OPEN; direction=INBOUND; offset=0; limit=5");
        });
    }

    @Test
    void aReadingWithoutJustificationOrWithABadParameterIsRefusedAndReadsNothing() throws Exception {
        HttpResponse<String> unjustified = api.get("/api/v1/requests", "operator", null);
        assertThat(unjustified.statusCode()).isEqualTo(400);
        assertThat(unjustified.body()).doesNotContain("requests\"");

        HttpResponse<String> badState = api.get("/api/v1/requests?state=late", "operator", ApiCalls.JUSTIFICATION);
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(api.json(badState).path("error").asText()).isEqualTo("UNKNOWN_STATE");

        HttpResponse<String> unknown = api.get("/api/v1/requests?overdue=true", "operator", ApiCalls.JUSTIFICATION);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(api.json(unknown).path("error").asText()).isEqualTo("UNKNOWN_PARAMETER");

        HttpResponse<String> badLimit = api.get("/api/v1/requests?limit=1001", "operator", ApiCalls.JUSTIFICATION);
        assertThat(api.json(badLimit).path("error").asText()).isEqualTo("INVALID_LIMIT");

        HttpResponse<String> wrongPassword = api.get("/api/v1/requests", "nobody", ApiCalls.JUSTIFICATION);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        String refusedId = badState.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(gateway.audit().forExchange(refusedId)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("REJECTED"));
    }

    private Examples rfi(String messageId) {
        return new Examples(Examples.read(URGENT_DIRECT_RFI)).replace("<ReportURN>([^<]+)</ReportURN>", messageId);
    }

    private JsonNode request(String direction, String messageId) throws Exception {
        JsonNode listing = api.read("/api/v1/requests?direction=" + direction + "&limit=1000", "operator");
        return StreamSupport.stream(listing.path("requests").spliterator(), false)
                .filter(r -> r.path("messageId").asText().equals(messageId)).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + direction + " request " + messageId));
    }

    private List<String> openRequests(String direction) throws Exception {
        return ids(api.read("/api/v1/requests?direction=" + direction + "&limit=1000", "operator"));
    }

    private static List<String> ids(JsonNode listing) {
        return StreamSupport.stream(listing.path("requests").spliterator(), false)
                .map(r -> r.path("messageId").asText()).toList();
    }

    private StatusNotices.Notice status(String transportId) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
