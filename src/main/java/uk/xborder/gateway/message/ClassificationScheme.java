package uk.xborder.gateway.message;

/** The protective-marking schemes the gateway translates between; names as used in {@code tables/*.csv}. */
public enum ClassificationScheme {
    /** UK Government Security Classifications: OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP-SECRET. */
    UK_GSC,
    /** EU classified information levels (Council Decision 2013/488/EU), plus UNCLASSIFIED. */
    EU
}
