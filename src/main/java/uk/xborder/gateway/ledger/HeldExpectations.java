package uk.xborder.gateway.ledger;

import java.util.ArrayList;
import java.util.List;

import uk.xborder.gateway.audit.AuditBatch;

/**
 * One message's deliveries awaiting a receipt, held back while its {@link AuditBatch} is open and recorded in one
 * transaction when the batch is awaited: before the envelopes leave (over HTTPS the receipt comes back in the response
 * to the post, and must find its row), before the message commits, and before the record reads on its behalf.
 */
final class HeldExpectations implements AuditBatch.DeferredWrites {

    private final AwaitingReceipts receipts;
    private final List<AwaitingReceipts.Sent> held = new ArrayList<>();

    HeldExpectations(AwaitingReceipts receipts) {
        this.receipts = receipts;
    }

    void add(AwaitingReceipts.Sent sent) {
        held.add(sent);
    }

    @Override
    public void flush() {
        if (held.isEmpty()) {
            return;
        }
        List<AwaitingReceipts.Sent> writing = List.copyOf(held);
        held.clear();
        receipts.expectAll(writing);
    }
}
