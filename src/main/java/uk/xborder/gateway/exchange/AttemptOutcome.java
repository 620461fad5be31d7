package uk.xborder.gateway.exchange;

/** How one delivery attempt ended. */
public enum AttemptOutcome {
    DELIVERED,
    FAILED
}
