package uk.xborder.gateway.audit.evidence;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import uk.xborder.gateway.audit.checkpoint.AuditKeyId;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;

/**
 * Makes evidence bundles ({@link EvidenceBundle}, JSON by {@link EvidenceBundleCodec}) from the live log. It first
 * asks the log for a fresh checkpoint ({@link AuditLog#checkpoint()}) so that the newest entries are covered, then
 * proves every selected entry against that checkpoint and links all earlier checkpoints to it.
 *
 * <p>Thread-safe if the log is. Exporting is a read of audit metadata: the caller (the API) records who exported
 * what and why.
 */
public final class EvidenceExporter {

    /**
     * Most entries one bundle holds (about 1.5 KB each with its proof): larger selections are refused with a request
     * to narrow them, rather than building hundreds of megabytes in memory.
     */
    public static final int MAX_ENTRIES = 100_000;

    /** Entries read from the log per call. */
    private static final int CHUNK = 10_000;

    private final AuditLog log;
    private final List<X509Certificate> auditChain;
    private final Clock clock;

    /**
     * @param auditChain the audit certificate first, then its issuing CAs (nearest first); the verifier needs the
     *                   audit certificate, and the CAs up to (not necessarily including) a trust anchor
     */
    public EvidenceExporter(AuditLog log, X509Certificate... auditChain) {
        this(log, Clock.systemUTC(), List.of(auditChain));
    }

    public EvidenceExporter(AuditLog log, Clock clock, List<X509Certificate> auditChain) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.auditChain = List.copyOf(auditChain);
        if (this.auditChain.isEmpty()) {
            throw new IllegalArgumentException("the audit certificate is required: verifiers check checkpoints with it");
        }
    }

    /**
     * Every entry matching the query's criteria, over all pages (the query's own offset and limit are ignored: a
     * bundle holds the whole selection), as a JSON bundle.
     *
     * @throws IllegalArgumentException if more than {@link #MAX_ENTRIES} entries match
     */
    public byte[] export(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        SignedCheckpoint latest = log.checkpoint();
        long signedSize = latest.checkpoint().treeSize();
        List<LogEntry> selected = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<LogEntry> page = log.search(page(query, offset));
            for (LogEntry entry : page.items()) {
                // Entries recorded after our checkpoint are left for the next bundle: they cannot be proved yet.
                if (entry.seq() < signedSize) {
                    selected.add(entry);
                }
            }
            if (selected.size() > MAX_ENTRIES) {
                throw new IllegalArgumentException("More than " + MAX_ENTRIES + " entries match; narrow the search"
                        + " (for example by time) and export it in parts");
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        return build(EvidenceBundle.Selection.search(describe(query)), selected, latest);
    }

    /**
     * Entries {@code fromSeq} (inclusive) to {@code toSeq} (exclusive) as a JSON bundle. The verifier checks that
     * none of the range is missing.
     *
     * @throws IllegalArgumentException for an empty or reversed range, one beyond the log, or one of more than
     *     {@link #MAX_ENTRIES} entries
     */
    public byte[] exportRange(long fromSeq, long toSeq) {
        if (fromSeq < 0 || toSeq <= fromSeq) {
            throw new IllegalArgumentException("A range runs from a seq of 0 or more to a larger one (exclusive), not "
                    + fromSeq + " to " + toSeq);
        }
        if (toSeq - fromSeq > MAX_ENTRIES) {
            throw new IllegalArgumentException("A bundle holds at most " + MAX_ENTRIES + " entries; export the range"
                    + " in parts");
        }
        SignedCheckpoint latest = log.checkpoint();
        long signedSize = latest.checkpoint().treeSize();
        if (toSeq > signedSize) {
            throw new IllegalArgumentException("The log has " + signedSize + " entries; there is no entry "
                    + (toSeq - 1));
        }
        List<LogEntry> selected = new ArrayList<>((int) (toSeq - fromSeq));
        for (long from = fromSeq; from < toSeq; from += CHUNK) {
            selected.addAll(log.range(from, Math.min(toSeq, from + CHUNK)));
        }
        return build(EvidenceBundle.Selection.range(fromSeq, toSeq), selected, latest);
    }

    private byte[] build(EvidenceBundle.Selection selection, List<LogEntry> selected, SignedCheckpoint latest) {
        long signedSize = latest.checkpoint().treeSize();
        String keyId = AuditKeyId.of(auditChain.get(0));
        if (!keyId.equals(latest.checkpoint().keyId())) {
            throw new IllegalStateException("The log's checkpoints are signed by key " + latest.checkpoint().keyId()
                    + ", but the audit certificate given to the exporter has key " + keyId);
        }
        List<SignedCheckpoint> checkpoints = log.checkpoints().stream()
                .filter(c -> c.checkpoint().treeSize() <= signedSize).toList();
        if (checkpoints.isEmpty() || !checkpoints.get(checkpoints.size() - 1).equals(latest)) {
            throw new IllegalStateException("The log's checkpoint list does not end with the checkpoint it just"
                    + " returned (size " + signedSize + ")");
        }
        List<ConsistencyProof> consistency = new ArrayList<>(checkpoints.size());
        for (int i = 1; i < checkpoints.size(); i++) {
            consistency.add(log.consistencyProof(checkpoints.get(i - 1).checkpoint().treeSize(),
                    checkpoints.get(i).checkpoint().treeSize()));
        }
        List<EvidenceBundle.Entry> entries = new ArrayList<>(selected.size());
        for (LogEntry entry : selected) {
            entries.add(new EvidenceBundle.Entry(entry.seq(), EntryCodec.canonical(entry),
                    log.inclusionProof(entry.seq(), signedSize)));
        }
        return EvidenceBundleCodec.toJson(new EvidenceBundle(clock.instant(), selection, auditChain, checkpoints,
                consistency, entries));
    }

    private static AuditQuery page(AuditQuery q, int offset) {
        return new AuditQuery(q.messageId(), q.exchangeId(), q.caseReference(), q.agency(), q.partner(),
                q.operation(), q.outcome(), q.marking(), q.from(), q.to(), offset, AuditQuery.MAX_LIMIT);
    }

    /** "entries with exchange id X, sent by agency Y, ..." from the criteria given. */
    static String describe(AuditQuery q) {
        StringJoiner criteria = new StringJoiner(", ");
        add(criteria, "message id", q.messageId());
        add(criteria, "exchange id", q.exchangeId());
        add(criteria, "case reference", q.caseReference());
        add(criteria, "sending agency", q.agency());
        add(criteria, "recipient", q.partner());
        add(criteria, "operation", q.operation());
        add(criteria, "outcome", q.outcome());
        add(criteria, "marking", q.marking());
        add(criteria, "event time from", q.from());
        add(criteria, "event time before", q.to());
        return criteria.length() == 0 ? "all entries of the audit log"
                : "entries of the audit log with " + criteria + " (as found by the gateway's search)";
    }

    private static void add(StringJoiner criteria, String name, Object value) {
        if (value != null) {
            criteria.add(name + " " + value);
        }
    }
}
