package uk.xborder.gateway.message;

/**
 * The intelligence grading schemes the gateway translates between. The names are the scheme identifiers used in
 * {@code tables/*.csv}; renaming one is a change to the tables' format.
 */
public enum GradingScheme {
    /** UK 3x5x2 (College of Policing APP, Intelligence management): source 1-3, assessment A-E, handling P/C. */
    UK_3X5X2,
    /** UK legacy 5x5x5 (NIM form; HMRC manual MLR3C14000): source A-E, intelligence 1-5, handling 1-5. */
    UK_5X5X5,
    /** Europol (Regulation (EU) 2016/794 Art. 29; Council doc 6261/18): source A/B/C/X, information 1-4, H0-H3. */
    EUROPOL
}
