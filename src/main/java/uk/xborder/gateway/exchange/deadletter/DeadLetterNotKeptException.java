package uk.xborder.gateway.exchange.deadletter;

import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * A dead letter recorded without its content (another JMS type, or too large): thrown to roll its delivery from
 * gw.dlq back, so that the broker moves the message itself, untouched, to gw.dlq.unkept once gw.dlq's delivery
 * attempts are spent. Not a fault: the record and its audit event are written.
 */
public final class DeadLetterNotKeptException extends RuntimeException {

    public DeadLetterNotKeptException(String reference, ReasonCode reason) {
        super("dead letter " + reference + " (" + reason + ") is left to the broker for "
                + DeadLetterIntake.UNKEPT_QUEUE, null, false, false);
    }
}
