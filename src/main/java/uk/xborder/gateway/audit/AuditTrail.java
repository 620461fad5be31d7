package uk.xborder.gateway.audit;

/**
 * Where every step of every exchange is reported. Implementations must be durable before they return: a step that
 * is not recorded did not happen, so a failure to record is thrown, and the step fails with it. The one exception is
 * a step inside an {@link AuditBatch} (a message taken in a local JMS transaction): its event is durable before that
 * transaction commits and before anything leaves the gateway outside it, and a failure rolls the transaction back.
 */
public interface AuditTrail {

    void record(AuditEvent event);
}
