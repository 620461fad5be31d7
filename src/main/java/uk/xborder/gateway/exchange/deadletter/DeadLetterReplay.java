package uk.xborder.gateway.exchange.deadletter;

import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.ContentReplay;
import uk.xborder.gateway.exchange.operator.NotReplayableException;

/**
 * An operator's replay of a dead letter: it goes back to the address the broker took it from. One the resend refuses
 * before sending (no original address, an agency's own queue) is not replayable; a broker that did not take it is
 * a failure to send, and the replay may be asked for again.
 */
public final class DeadLetterReplay implements ContentReplay {

    private final DeadLetterResend resend;

    public DeadLetterReplay(DeadLetterResend resend) {
        this.resend = resend;
    }

    @Override
    public String replay(StoredExchange exchange, OpenedContent content, int replay) {
        try {
            return "Sent back to its original address as " + resend.resend(exchange, content) + ".";
        } catch (ResendRefusedException e) {
            throw new NotReplayableException(e.getMessage(), e);
        }
    }
}
