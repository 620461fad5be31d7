package uk.xborder.gateway.outbound;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/** The outcome for one recipient, with the reason when it was not delivered. */
public record RecipientResult(String partyId, RecipientOutcome outcome, ReasonCode reason, String explanation) {

    public static RecipientResult accepted(String partyId) {
        return new RecipientResult(partyId, RecipientOutcome.ACCEPTED, null, null);
    }

    public static RecipientResult rejected(String partyId, MessageRejectedException why) {
        return new RecipientResult(partyId, RecipientOutcome.REJECTED, why.reason(), why.explanation());
    }

    /** Tried again later: {@code explanation} says why and when, without a reason code (it has not failed). */
    public static RecipientResult retrying(String partyId, String explanation) {
        return new RecipientResult(partyId, RecipientOutcome.RETRYING, null, explanation);
    }

    public static RecipientResult failed(String partyId, ReasonCode reason, String explanation) {
        return new RecipientResult(partyId, RecipientOutcome.FAILED, reason, explanation);
    }
}
