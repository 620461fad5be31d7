package uk.xborder.gateway.audit;

/**
 * Where every step of every exchange is reported. Implementations must be durable before they return: a step that
 * is not recorded did not happen, so a failure to record is thrown, and the step fails with it.
 */
public interface AuditTrail {

    void record(AuditEvent event);
}
