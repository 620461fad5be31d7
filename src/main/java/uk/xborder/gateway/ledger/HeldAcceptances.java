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
 * The message ids a message's {@link AuditBatch} has accepted, held back and recorded when the batch is awaited,
 * before its transaction commits: in the audit log's transaction when the record is on its database. If an id is on
 * record already, the transaction cannot take the row; it is then remembered alone, which tells a redelivery of the
 * same transport message (nothing to do) from another node's acceptance of the id (the message rolls back).
 */
final class HeldAcceptances implements SharedTransactionWrites {

    private final AcceptedMessages accepted;
    private final List<AcceptedMessages.Acceptance> held = new ArrayList<>();

    HeldAcceptances(AcceptedMessages accepted) {
        this.accepted = accepted;
    }

    void add(AcceptedMessages.Acceptance acceptance) {
        held.add(acceptance);
    }

    @Override
    public DataSource database() {
        return accepted.database();
    }

    @Override
    public Optional<Work> take() {
        if (held.isEmpty()) {
            return Optional.empty();
        }
        List<AcceptedMessages.Acceptance> writing = List.copyOf(held);
        held.clear();
        return Optional.of(new Work() {
            @Override
            public void writeIn(Connection transaction) throws SQLException {
                for (AcceptedMessages.Acceptance acceptance : writing) {
                    accepted.insert(transaction, acceptance);
                }
            }

            @Override
            public void writeAlone() {
                writing.forEach(accepted::rememberNow);
            }
        });
    }
}
