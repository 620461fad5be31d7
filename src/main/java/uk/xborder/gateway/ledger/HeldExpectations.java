package uk.xborder.gateway.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.SharedTransactionWrites;

/**
 * One message's deliveries awaiting a receipt, held back while its {@link AuditBatch} is open and recorded in one
 * transaction (the audit log's, when the record is on its database) when the batch is awaited: before the envelopes
 * leave (over HTTPS the receipt comes back in the response to the post, and must find its row), before the message
 * commits, and before the record reads on its behalf.
 */
final class HeldExpectations implements SharedTransactionWrites {

    private final AwaitingReceipts receipts;
    private final List<AwaitingReceipts.Sent> held = new ArrayList<>();

    HeldExpectations(AwaitingReceipts receipts) {
        this.receipts = receipts;
    }

    void add(AwaitingReceipts.Sent sent) {
        held.add(sent);
    }

    @Override
    public DataSource database() {
        return receipts.database();
    }

    @Override
    public Optional<Work> take() {
        if (held.isEmpty()) {
            return Optional.empty();
        }
        List<AwaitingReceipts.Sent> writing = List.copyOf(held);
        held.clear();
        return Optional.of(new Work() {
            @Override
            public void writeIn(Connection transaction) throws SQLException {
                receipts.expectIn(transaction, writing);
            }

            @Override
            public void writeAlone() {
                receipts.expectAll(writing);
            }
        });
    }
}
