package uk.xborder.gateway.audit;

import java.util.List;
import java.util.Optional;

import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.InclusionProof;

/** An {@link AuditLog} that passes everything on; tests override one method to make it lie. */
public class DelegatingAuditLog implements AuditLog {

    private final AuditLog delegate;

    public DelegatingAuditLog(AuditLog delegate) {
        this.delegate = delegate;
    }

    @Override
    public void record(AuditEvent event) {
        delegate.record(event);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public Optional<LogEntry> entry(long seq) {
        return delegate.entry(seq);
    }

    @Override
    public List<LogEntry> range(long fromSeq, long toSeq) {
        return delegate.range(fromSeq, toSeq);
    }

    @Override
    public List<byte[]> leafHashes(long fromSeq, long toSeq) {
        return delegate.leafHashes(fromSeq, toSeq);
    }

    @Override
    public Page<LogEntry> search(AuditQuery query) {
        return delegate.search(query);
    }

    @Override
    public List<LogEntry> trail(String exchangeId) {
        return delegate.trail(exchangeId);
    }

    @Override
    public List<SignedCheckpoint> checkpoints() {
        return delegate.checkpoints();
    }

    @Override
    public SignedCheckpoint checkpoint() {
        return delegate.checkpoint();
    }

    @Override
    public InclusionProof inclusionProof(long seq, long treeSize) {
        return delegate.inclusionProof(seq, treeSize);
    }

    @Override
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        return delegate.consistencyProof(fromSize, toSize);
    }
}
