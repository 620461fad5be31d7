package uk.xborder.gateway.requests;

import java.util.List;
import java.util.Optional;

import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.MessageType;
import uk.xborder.gateway.schema.canonical.Priority;
import uk.xborder.gateway.schema.canonical.Recipient;

/**
 * What deadline tracking needs to know about a canonical message, and nothing of its content: whether it is a request
 * for information (and how urgent, and for what kind of information), or a reply that answers one.
 *
 * @param messageId     the message's id
 * @param inReplyTo     the id of the message it answers; null when none
 * @param type          its message type
 * @param sender        the sender's party id as the message names it
 * @param recipients    the recipients' party ids as the message names them
 * @param urgent        priority URGENT or IMMEDIATE
 * @param reasonsGiven  the message states why it is urgent
 * @param accessibility where the requested information is held; null when not stated
 */
public record RequestFacts(String messageId, String inReplyTo, MessageType type, String sender,
                           List<String> recipients, boolean urgent, boolean reasonsGiven,
                           Accessibility accessibility) {

    public RequestFacts {
        recipients = List.copyOf(recipients);
    }

    public static RequestFacts of(IntelligenceMessage message) {
        return new RequestFacts(message.getMessageId(), message.getInReplyTo(), message.getMessageType(),
                message.getSender().getPartyId(),
                message.getRecipients().getRecipient().stream().map(Recipient::getPartyId).toList(),
                isUrgent(message.getPriority()),
                message.getUrgencyGround() != null && !message.getUrgencyGround().isBlank(),
                message.getInformationAccess() == null ? null
                        : Accessibility.valueOf(message.getInformationAccess().value()));
    }

    /** URGENT and IMMEDIATE are urgent in the sense of Art. 4(4); ROUTINE and PRIORITY are not. */
    static boolean isUrgent(Priority priority) {
        return priority == Priority.URGENT || priority == Priority.IMMEDIATE;
    }

    public boolean isRequest() {
        return type == MessageType.REQUEST_FOR_INFORMATION;
    }

    /**
     * The id of the request this message answers: a response or a reasoned refusal (which Art. 6(3) also requires
     * within the time limits) naming it in in-reply-to. An acknowledgement does not answer a request.
     */
    public Optional<String> answers() {
        boolean answer = type == MessageType.RESPONSE || type == MessageType.REFUSAL;
        return answer && inReplyTo != null ? Optional.of(inReplyTo) : Optional.empty();
    }

    /** The time limit of its reply, if it is a request. */
    public ResponseDeadline.TimeLimit timeLimit() {
        return ResponseDeadline.limit(urgent, accessibility);
    }
}
