package uk.xborder.gateway.audit.log;

import java.time.Instant;

import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;

/**
 * A search of the audit log. Every criterion is optional (null = any); all given criteria must hold. Results are in
 * log order, {@code limit} at most, starting {@code offset} results in.
 *
 * @param agency  matches the sending agency
 * @param partner matches a recipient
 * @param marking matches the marking exactly, e.g. {@code UK_GSC SECRET}
 * @param from    event time, inclusive
 * @param to      event time, exclusive
 * @param consultationsOnlyBy when set, {@code CONSULTATION} entries match only if this is their actor (e.g.
 *                {@code user:operator}): a reader who may not see other people's readings of the log, whose
 *                justifications can name court orders and operations, is given only their own; null = all
 */
public record AuditQuery(String messageId, String exchangeId, String caseReference, String agency, String partner,
                         AuditOperation operation, AuditOutcome outcome, String marking, Instant from, Instant to,
                         int offset, int limit, String consultationsOnlyBy) {

    public static final int MAX_LIMIT = 1000;

    /** A search that shows every entry it selects, consultations of every reader included. */
    public AuditQuery(String messageId, String exchangeId, String caseReference, String agency, String partner,
                      AuditOperation operation, AuditOutcome outcome, String marking, Instant from, Instant to,
                      int offset, int limit) {
        this(messageId, exchangeId, caseReference, agency, partner, operation, outcome, marking, from, to, offset,
                limit, null);
    }

    public AuditQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    /** The same search, showing of all {@code CONSULTATION} entries only those whose actor is {@code actor}. */
    public AuditQuery withConsultationsOnlyBy(String actor) {
        return new AuditQuery(messageId, exchangeId, caseReference, agency, partner, operation, outcome, marking, from,
                to, offset, limit, actor);
    }

    /** Whether an entry with this operation and actor may be shown under {@link #consultationsOnlyBy()}. */
    public boolean shows(String entryOperation, String entryActor) {
        return shows(consultationsOnlyBy, entryOperation, entryActor);
    }

    /** Whether an entry may be shown when consultations are shown only by {@code onlyBy} (null: all). */
    public static boolean shows(String onlyBy, String entryOperation, String entryActor) {
        return onlyBy == null || !AuditOperation.CONSULTATION.name().equals(entryOperation)
                || onlyBy.equals(entryActor);
    }
}
