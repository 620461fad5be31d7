package uk.xborder.gateway.requests;

/**
 * Where the requested party finds the information asked for (Directive (EU) 2023/977 Art. 2(5) and 2(6)); with the
 * urgency it decides the time limit of the reply ({@link ResponseDeadline}).
 */
public enum Accessibility {
    /** Held in a database the requested party's single point of contact or competent authorities reach directly. */
    DIRECT,
    /** To be obtained from other public authorities or private parties, where national law permits. */
    INDIRECT
}
