package uk.xborder.gateway.requests;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request for information the gateway tracks, from the requested party's receipt to the reply that closes it.
 *
 * @param direction        who owes the reply: INBOUND we do, OUTBOUND the partner does
 * @param messageId        the request's message id
 * @param requester        party id of who asked (our agency's party id for OUTBOUND, the partner for INBOUND)
 * @param requestedParty   party id of who must answer
 * @param agency           our agency's id, on whichever side it is
 * @param exchangeId       the gateway exchange that took the request through
 * @param receivedAt       when the requested party received it; the time limit runs from here
 * @param dueAt            when the reply is due ({@link ResponseDeadline})
 * @param urgent           whether the request was urgent
 * @param timeLimit        which limit of Art. 5(1) applies
 * @param closedAt         when a reply closed it; null while open
 * @param closingMessageId the id of that reply; null while open
 */
public record OpenRequest(Direction direction, String messageId, String requester, String requestedParty,
                          String agency, String exchangeId, Instant receivedAt, Instant dueAt, boolean urgent,
                          ResponseDeadline.TimeLimit timeLimit, Instant closedAt, String closingMessageId) {

    public OpenRequest {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requestedParty, "requestedParty");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(exchangeId, "exchangeId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if ((closedAt == null) != (closingMessageId == null)) {
            throw new IllegalArgumentException("a closed request names the reply that closed it, an open one none");
        }
    }

    /** A request just received, not yet answered. */
    public static OpenRequest opened(Direction direction, String messageId, String requester, String requestedParty,
                                     String agency, String exchangeId, Instant receivedAt, Instant dueAt,
                                     boolean urgent, ResponseDeadline.TimeLimit timeLimit) {
        return new OpenRequest(direction, messageId, requester, requestedParty, agency, exchangeId, receivedAt, dueAt,
                urgent, timeLimit, null, null);
    }

    /** The other party: the requester of an INBOUND request, the requested party of an OUTBOUND one. */
    public String partner() {
        return direction == Direction.INBOUND ? requester : requestedParty;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Still open after its due time. */
    public boolean isOverdue(Instant now) {
        return isOpen() && now.isAfter(dueAt);
    }

    public Optional<Instant> closed() {
        return Optional.ofNullable(closedAt);
    }
}
