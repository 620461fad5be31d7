package uk.xborder.gateway.pipeline;

import java.util.Objects;

/**
 * A message, or one recipient of it, is refused for a reason the sender can act on. The explanation is a sentence
 * a person understands; it names fields and codes but never quotes message content.
 */
public class MessageRejectedException extends RuntimeException {

    private final ReasonCode reason;

    public MessageRejectedException(ReasonCode reason, String explanation) {
        super(explanation);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public MessageRejectedException(ReasonCode reason, String explanation, Throwable cause) {
        super(explanation, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ReasonCode reason() {
        return reason;
    }

    public String explanation() {
        return getMessage();
    }
}
