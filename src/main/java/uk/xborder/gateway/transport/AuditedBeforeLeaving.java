package uk.xborder.gateway.transport;

import uk.xborder.gateway.audit.AuditBatch;

/**
 * The step before a message leaves the gateway: its audit events so far must be durable first (invariant: nothing
 * leaves without its audit record). Within an {@link AuditBatch} they may still be on their way to the store; a
 * send through the gateway's own broker ({@code jms:}) commits with the message's transaction, which waits for them
 * anyway, so only a way out that transaction does not cover (HTTPS, a partner's broker) waits here.
 */
public final class AuditedBeforeLeaving {

    /** The gateway's own broker component, the one the audit batch's transaction is on. */
    static final String OWN_BROKER = "jms:";

    /** Returns when the events recorded so far are durable, unless {@code endpoint} is on the gateway's broker. */
    public void awaitFor(String endpoint) {
        if (endpoint != null && endpoint.startsWith(OWN_BROKER)) {
            return;
        }
        AuditBatch.awaitRecorded();
    }
}
