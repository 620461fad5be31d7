package uk.xborder.gateway.requests;

/** Which side of the gateway owes the reply to a request for information. */
public enum Direction {
    /** A partner asked one of our agencies: we must answer. */
    INBOUND,
    /** One of our agencies asked a partner: we await the answer. */
    OUTBOUND
}
