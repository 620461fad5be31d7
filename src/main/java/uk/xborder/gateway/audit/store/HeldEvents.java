package uk.xborder.gateway.audit.store;

import java.util.ArrayList;
import java.util.List;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.AuditEvent;

/**
 * One message's audit events, held while its {@link AuditBatch} is open and handed to the writer together when the
 * batch is awaited, to be committed in one batch: a commit rewrites the pages of every index it touches, so the
 * events of one message cost about what one of them would. Flushing returns once they are committed, or throws.
 */
final class HeldEvents implements AuditBatch.DeferredWrites {

    private final GroupCommit writer;
    private final List<AuditEvent> held = new ArrayList<>();

    HeldEvents(GroupCommit writer) {
        this.writer = writer;
    }

    void add(AuditEvent event) {
        held.add(event);
    }

    @Override
    public void flush() {
        if (held.isEmpty()) {
            return;
        }
        List<AuditEvent> writing = List.copyOf(held);
        held.clear();
        writer.submit(writing).run();
    }
}
