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
 */
public record AuditQuery(String messageId, String exchangeId, String caseReference, String agency, String partner,
                         AuditOperation operation, AuditOutcome outcome, String marking, Instant from, Instant to,
                         int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

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
}
