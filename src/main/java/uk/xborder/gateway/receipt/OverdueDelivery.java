package uk.xborder.gateway.receipt;

import uk.xborder.gateway.ledger.AwaitingDelivery;

/**
 * An overdue delivery this node has claimed: either to send the same envelope again (resend number
 * {@code resendNumber}, from 1), or to give up waiting - hold the envelope and tell the agency.
 *
 * @param delivery     the delivery as claimed
 * @param resendNumber which resend this is; 0 when giving up
 * @param explanation  for a give-up, the sentence the agency and the failed queue get
 */
public record OverdueDelivery(AwaitingDelivery delivery, int resendNumber, String explanation) {

    static OverdueDelivery resend(AwaitingDelivery delivery, int number) {
        return new OverdueDelivery(delivery, number, null);
    }

    static OverdueDelivery giveUp(AwaitingDelivery delivery, String explanation) {
        return new OverdueDelivery(delivery, 0, explanation);
    }

    /** True to send the envelope again; false to give up waiting for the receipt. */
    public boolean sendsAgain() {
        return resendNumber > 0;
    }
}
