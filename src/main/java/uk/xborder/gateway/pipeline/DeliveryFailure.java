package uk.xborder.gateway.pipeline;

import java.util.Objects;

/**
 * The hand-over of an envelope to a partner's endpoint is given up: it failed in a way that trying again would not
 * change ({@link ReasonCode#DELIVERY_REFUSED}), or for the last time its retry policy allows
 * ({@link ReasonCode#DELIVERY_FAILED}). The error handling of the route that made the attempt holds the envelope
 * and fails that recipient with this reason and sentence; nothing retries it in place.
 */
public final class DeliveryFailure extends RuntimeException {

    private final ReasonCode reason;
    private final String explanation;

    public DeliveryFailure(ReasonCode reason, String explanation, Throwable cause) {
        super(explanation, cause);
        if (reason != ReasonCode.DELIVERY_FAILED && reason != ReasonCode.DELIVERY_REFUSED) {
            throw new IllegalArgumentException("a delivery is given up as DELIVERY_FAILED or DELIVERY_REFUSED, not "
                    + reason);
        }
        this.reason = reason;
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    public ReasonCode reason() {
        return reason;
    }

    /** A sentence for the agency and the operator: who, which attempt, what kind of failure; never content. */
    public String explanation() {
        return explanation;
    }
}
