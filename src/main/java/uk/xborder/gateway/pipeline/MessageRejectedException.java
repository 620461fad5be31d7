package uk.xborder.gateway.pipeline;

import java.util.Objects;

/**
 * A message, or one recipient of it, is refused for a reason the sender can act on. The explanation is a sentence
 * a person understands; it names fields and codes but never quotes message content.
 *
 * <p>Only refusal codes ({@link ReasonCode#isRefusal()}) are accepted: the gateway's own faults are a
 * {@link GatewayFault}, which is retried and held, never reported to the sender as REJECTED.
 */
public class MessageRejectedException extends RuntimeException {

    private final ReasonCode reason;

    /** @throws IllegalArgumentException for a code that is not a refusal (a gateway fault is a GatewayFault) */
    public MessageRejectedException(ReasonCode reason, String explanation) {
        super(explanation);
        this.reason = refusal(reason);
    }

    /** @throws IllegalArgumentException for a code that is not a refusal (a gateway fault is a GatewayFault) */
    public MessageRejectedException(ReasonCode reason, String explanation, Throwable cause) {
        super(explanation, cause);
        this.reason = refusal(reason);
    }

    private static ReasonCode refusal(ReasonCode reason) {
        Objects.requireNonNull(reason, "reason");
        if (!reason.isRefusal()) {
            throw new IllegalArgumentException(reason + " is a gateway fault, not a refusal; throw a GatewayFault");
        }
        return reason;
    }

    public ReasonCode reason() {
        return reason;
    }

    public String explanation() {
        return getMessage();
    }
}
