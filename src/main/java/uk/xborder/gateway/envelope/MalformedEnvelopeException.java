package uk.xborder.gateway.envelope;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * The bytes are not a transport envelope: not well-formed, carrying a DOCTYPE, or breaking the envelope schema
 * ({@link ReasonCode#MALFORMED_ENVELOPE}). Carries what the envelope still says about itself, best-effort.
 */
public class MalformedEnvelopeException extends MessageRejectedException {

    private final transient ClaimedHeader claimed;

    public MalformedEnvelopeException(String explanation, ClaimedHeader claimed, Throwable cause) {
        super(ReasonCode.MALFORMED_ENVELOPE, explanation, cause);
        this.claimed = claimed;
    }

    public ClaimedHeader claimed() {
        return claimed;
    }
}
