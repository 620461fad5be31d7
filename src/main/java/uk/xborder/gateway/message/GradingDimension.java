package uk.xborder.gateway.message;

/** The three independently graded aspects of an intelligence item. */
public enum GradingDimension {
    /** Reliability of the source (3x5x2 1-3, 5x5x5 A-E, Europol A/B/C/X). */
    SOURCE,
    /** Assessment of the information itself (3x5x2 A-E, 5x5x5 1-5, Europol 1-4). */
    INFORMATION,
    /** Handling / dissemination code (3x5x2 P/C, 5x5x5 1-5, Europol H0-H3). */
    HANDLING
}
