package uk.xborder.gateway.audit.store;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.SharedTransactionWrites;

/**
 * One message's audit events, held while its {@link AuditBatch} is open and handed to the writer together when the
 * batch is awaited, to be committed in one batch: a commit rewrites the pages of every index it touches, so the
 * events of one message cost about what one of them would. The message's writes to the other stores on the audit
 * log's database ride in the same transaction. Flushing returns once all of it is committed, or throws.
 */
final class HeldEvents implements SharedTransactionWrites.Carrier {

    private final GroupCommit writer;
    private final DataSource database;
    private final List<AuditEvent> held = new ArrayList<>();

    HeldEvents(GroupCommit writer, DataSource database) {
        this.writer = writer;
        this.database = database;
    }

    void add(AuditEvent event) {
        held.add(event);
    }

    @Override
    public boolean carries(SharedTransactionWrites writes) {
        return writes.database() == database;
    }

    @Override
    public void flush() {
        flushWith(List.of());
    }

    @Override
    public void flushWith(List<SharedTransactionWrites.Work> riders) {
        if (held.isEmpty() && riders.isEmpty()) {
            return;
        }
        List<AuditEvent> writing = List.copyOf(held);
        held.clear();
        writer.submit(writing, riders).run();
    }
}
