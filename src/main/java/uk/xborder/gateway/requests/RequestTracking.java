package uk.xborder.gateway.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.directory.Agency;

/**
 * Follows requests for information through the gateway in both directions: a request that passes through opens an
 * entry with its deadline ({@link ResponseDeadline}), and a reply that names it in in-reply-to closes it. Each
 * opening and closing is audited ({@link Step#REQUEST_OPENED}, {@link Step#REQUEST_CLOSED}) with the due time and
 * the time limit applied, never any content.
 *
 * <p>Both directions call it once the message has reached its recipient: the outbound pipeline after delivery to
 * each partner ({@link #sent}), the inbound pipeline after delivery to the agency ({@link #received}). Calling it
 * again for the same exchange (a redelivery) changes nothing: the entry is already open, or already closed, and
 * the audit events have the same keys.
 */
public final class RequestTracking {

    private static final Logger LOG = LoggerFactory.getLogger(RequestTracking.class);
    private static final String ACTOR = "gateway/requests";

    private final OpenRequests requests;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Runnable changed;

    /**
     * @param zone    the zone calendar days are counted in
     * @param changed told after an entry was opened or closed (e.g. to refresh the metrics)
     */
    public RequestTracking(OpenRequests requests, AuditTrail audit, Clock clock, ZoneId zone, Runnable changed) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /**
     * One of our agencies' messages was delivered to these partners: a request opens an OUTBOUND entry per
     * partner, due from the delivery; a reply closes the INBOUND request from each partner it answers.
     *
     * @param exchangeId  the outbound exchange
     * @param agency      the sending agency
     * @param partners    the partners whose endpoints took the message
     * @param deliveredAt when they took it: for the partner, the time of receipt
     */
    public void sent(String exchangeId, RequestFacts facts, Agency agency, List<String> partners,
                     Instant deliveredAt) {
        for (String partner : partners) {
            if (facts.isRequest()) {
                open(Direction.OUTBOUND, exchangeId, facts, agency.partyId(), partner, agency, deliveredAt);
            }
            facts.answers().ifPresent(request ->
                    close(Direction.INBOUND, exchangeId, facts, request, agency, partner, agency.id(), partner));
        }
    }

    /**
     * A partner's message was delivered to one of our agencies: a request opens an INBOUND entry, due from its
     * receipt; a reply closes the OUTBOUND request to that partner it answers. The inbound pipeline calls this
     * after delivering to the agency's queue.
     *
     * @param exchangeId the inbound exchange
     * @param partner    the partner that sent it (the envelope's verified sender, as the directory names it)
     * @param agency     the agency it was delivered to
     * @param receivedAt when the gateway received it
     */
    public void received(String exchangeId, RequestFacts facts, String partner, Agency agency, Instant receivedAt) {
        if (facts.isRequest()) {
            open(Direction.INBOUND, exchangeId, facts, partner, agency.partyId(), agency, receivedAt);
        }
        facts.answers().ifPresent(request ->
                close(Direction.OUTBOUND, exchangeId, facts, request, agency, partner, partner, agency.id()));
    }

    private void open(Direction direction, String exchangeId, RequestFacts facts, String requester,
                      String requestedParty, Agency agency, Instant receivedAt) {
        Instant received = receivedAt.truncatedTo(ChronoUnit.MICROS);
        ResponseDeadline.TimeLimit limit = facts.timeLimit();
        Instant due = ResponseDeadline.dueAt(received, limit, zone).truncatedTo(ChronoUnit.MICROS);
        OpenRequest request = OpenRequest.opened(direction, facts.messageId(), requester, requestedParty,
                agency.id(), exchangeId, received, due, facts.urgent(), limit);
        // Audited first: an entry is never open without its record (a failure here leaves nothing to undo).
        String partner = request.partner();
        audit.record(AuditEvent.of(Step.REQUEST_OPENED, exchangeId).keyQualifier(partner).time(clock.instant())
                .actor(ACTOR).message(facts.messageId(), facts.inReplyTo(), List.of())
                .parties(requester, List.of(requestedParty))
                .explanation(direction + " request due " + due + ": " + describe(facts, limit)
                        + " from receipt at " + received + " (Directive (EU) 2023/977 " + limit.article() + ").")
                .build());
        if (requests.open(request)) {
            changed.run();
        }
    }

    private void close(Direction direction, String exchangeId, RequestFacts reply, String requestId, Agency agency,
                       String partner, String replyFrom, String replyTo) {
        Optional<OpenRequest> open = requests.find(direction, requestId, agency.id(), partner)
                .filter(OpenRequest::isOpen);
        if (open.isEmpty()) {
            // a reply to a request we never saw, or to one already answered (also by this reply, redelivered)
            LOG.debug("Reply {} names request {}, which has no open {} entry between {} and {}", reply.messageId(),
                    requestId, direction, agency.id(), partner);
            return;
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant due = open.get().dueAt();
        // Audited before it is closed, as an opening is: a closed entry always has its record.
        audit.record(AuditEvent.of(Step.REQUEST_CLOSED, exchangeId).keyQualifier(partner).time(at)
                .actor(ACTOR).message(reply.messageId(), requestId, List.of())
                .parties(replyFrom, List.of(replyTo))
                .explanation(direction + " request " + requestId + " answered by " + reply.type().value() + " "
                        + reply.messageId() + " at " + at + ", " + (at.isAfter(due) ? "after" : "within")
                        + " its time limit (due " + due + ").")
                .build());
        if (requests.closeBy(reply.messageId(), requestId, direction, agency.id(), partner, at).isPresent()) {
            changed.run();
        }
    }

    private static String describe(RequestFacts facts, ResponseDeadline.TimeLimit limit) {
        String kind = switch (limit) {
            case URGENT_DIRECT -> "urgent, directly accessible information";
            case URGENT_INDIRECT -> facts.accessibility() == null
                    ? "urgent, accessibility not stated" : "urgent, indirectly accessible information";
            case STANDARD -> "not urgent";
        };
        return kind + ", " + limit.length();
    }
}
