package uk.xborder.gateway.audit;

/**
 * The processing operations that must be logged under the Data Protection Act 2018 s.62 and the Law Enforcement
 * Directive Art. 25.
 */
public enum AuditOperation {
    /** Taking a message in from an agency or partner. */
    COLLECTION,
    /** Changing a message, including translating it into another format. */
    ALTERATION,
    /** Reading a message or its metadata. */
    CONSULTATION,
    /** Disclosure, including transfer to a recipient. */
    DISCLOSURE,
    /** Combining a message with other data. */
    COMBINATION,
    /** Erasure. */
    ERASURE
}
