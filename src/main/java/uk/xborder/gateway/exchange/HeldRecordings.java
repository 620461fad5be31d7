package uk.xborder.gateway.exchange;

import java.util.ArrayList;
import java.util.List;

import uk.xborder.gateway.audit.AuditBatch;

/**
 * One message's recordings in the exchange store, held back while its {@link AuditBatch} is open and written in one
 * transaction when the batch is awaited: before the message's JMS transaction commits, before anything of it leaves,
 * and before the store reads on its behalf. One commit for the message instead of one per recording.
 */
final class HeldRecordings implements AuditBatch.DeferredWrites {

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
    public void flush() {
        if (held.isEmpty()) {
            return;
        }
        List<Held> writing = List.copyOf(held);
        held.clear();
        store.writeHeld(writing);
    }
}
