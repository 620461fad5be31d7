package uk.xborder.gateway.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.SharedTransactionWrites;

/**
 * One message's recordings in the exchange store, held back while its {@link AuditBatch} is open and written in one
 * transaction when the batch is awaited (the audit log's, when the store is on its database): before the message's
 * JMS transaction commits, before anything of it leaves, and before the store reads on its behalf. One commit for
 * the message instead of one per recording.
 */
final class HeldRecordings implements SharedTransactionWrites {

    /** A recording with its content sealed already (a sealing failure is the recorder's, at once). */
    record Held(Recording recording, SealedContent sealed) {
    }

    private final ExchangeStore store;
    private final List<Held> held = new ArrayList<>();

    HeldRecordings(ExchangeStore store) {
        this.store = store;
    }

    void add(Recording recording, SealedContent sealed) {
        held.add(new Held(recording, sealed));
    }

    @Override
    public DataSource database() {
        return store.database();
    }

    @Override
    public Optional<Work> take() {
        if (held.isEmpty()) {
            return Optional.empty();
        }
        List<Held> writing = List.copyOf(held);
        held.clear();
        return Optional.of(new Work() {
            @Override
            public void writeIn(Connection transaction) throws SQLException {
                store.writeIn(transaction, writing);
            }

            @Override
            public void writeAlone() {
                store.writeHeld(writing);
            }
        });
    }
}
