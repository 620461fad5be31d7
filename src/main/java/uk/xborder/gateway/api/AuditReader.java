package uk.xborder.gateway.api;

import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;

import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.LogEntry;

/**
 * The reads behind the endpoints. Reached only after the request was admitted and its consultation recorded; turns
 * what the log returns into the API's views, and an unknown id into a {@code 404}. What a reader sees depends on their
 * role: an operator is not shown other people's readings of the log ({@link Role#seesEveryonesConsultations()}).
 */
public final class AuditReader {

    private final AuditLog log;
    private final EvidenceExport export;
    private final LiveVerification verification;

    public AuditReader(AuditLog log, EvidenceExport export, LiveVerification verification) {
        this.log = log;
        this.export = export;
        this.verification = verification;
    }

    /** A page of the entries the query selects, as far as the reader may see them. */
    public ApiViews.EntryPage search(AuditQuery query, Exchange exchange) {
        return ApiViews.EntryPage.of(log.search(query.withConsultationsOnlyBy(consultationsOnlyBy(exchange))));
    }

    /**
     * The exchange's entries in order, as far as the reader may see them; an exchange of which the reader may see
     * nothing (another person's reading of the log, for an operator) is answered as an unknown one.
     */
    public ApiViews.Trail trail(String exchangeId, Exchange exchange) {
        String onlyBy = consultationsOnlyBy(exchange);
        List<LogEntry> entries = log.trail(exchangeId).stream()
                .filter(e -> AuditQuery.shows(onlyBy, e.event().operation(), e.event().actor()))
                .toList();
        if (entries.isEmpty()) {
            throw ApiProblem.notFound("UNKNOWN_EXCHANGE", "The audit log has no exchange with that 'exchangeId'.");
        }
        return new ApiViews.Trail(exchangeId, entries.stream().map(ApiViews.Entry::of).toList());
    }

    public ApiViews.Proof proof(ProofRequest request) {
        LogEntry entry = log.entry(request.seq()).orElseThrow(() -> ApiProblem.notFound("UNKNOWN_ENTRY",
                "The audit log has no entry with that 'seq'."));
        SignedCheckpoint checkpoint = request.treeSize().isPresent()
                ? checkpointOfSize(request.treeSize().getAsLong()).orElseThrow(() -> ApiProblem.notFound(
                        "UNKNOWN_CHECKPOINT", "There is no signed checkpoint with that 'treeSize'."))
                : checkpointCovering(request.seq());
        long treeSize = checkpoint.checkpoint().treeSize();
        return ApiViews.Proof.of(entry, log.inclusionProof(request.seq(), treeSize), checkpoint);
    }

    public ApiViews.Checkpoints checkpoints() {
        return new ApiViews.Checkpoints(log.checkpoints().stream().map(ApiViews.SignedCheckpointView::of).toList());
    }

    public ExportedBundle export(AuditQuery query) {
        return export.export(query);
    }

    public Object verify() {
        return verification.verify();
    }

    /** Null when the reader sees every reader's consultations, else the actor whose only are shown: theirs. */
    private static String consultationsOnlyBy(Exchange exchange) {
        ApiUser reader = ApiRequest.require(exchange).user().orElseThrow(() -> new IllegalStateException(
                "the request was not authenticated"));
        return reader.role().seesEveryonesConsultations() ? null : reader.actor();
    }

    private Optional<SignedCheckpoint> checkpointOfSize(long treeSize) {
        return log.checkpoints().stream().filter(c -> c.checkpoint().treeSize() == treeSize).findFirst();
    }

    /** The latest signed checkpoint if it already covers the entry; otherwise one is signed now. */
    private SignedCheckpoint checkpointCovering(long seq) {
        List<SignedCheckpoint> all = log.checkpoints();
        if (!all.isEmpty() && all.get(all.size() - 1).checkpoint().treeSize() > seq) {
            return all.get(all.size() - 1);
        }
        SignedCheckpoint fresh = log.checkpoint();
        if (fresh.checkpoint().treeSize() <= seq) {
            throw new IllegalStateException("a fresh checkpoint of size " + fresh.checkpoint().treeSize()
                    + " does not cover entry " + seq);
        }
        return fresh;
    }
}
