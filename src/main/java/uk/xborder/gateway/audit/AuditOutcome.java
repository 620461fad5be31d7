package uk.xborder.gateway.audit;

/** How a step ended. */
public enum AuditOutcome {
    /** The step did what it should. */
    SUCCESS,
    /** The whole message was refused because of its input. */
    REJECTED,
    /** One recipient was refused by policy or by translation. */
    REFUSED,
    /** The gateway could not complete the step; the message is held for an operator. */
    FAILED
}
