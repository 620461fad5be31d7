package uk.xborder.gateway.exchange;

/** Which way an exchange goes. */
public enum Direction {
    /** From one of our agencies to a partner. */
    OUTBOUND,
    /** From a partner to one of our agencies (or a partner's receipt for one of ours). */
    INBOUND
}
