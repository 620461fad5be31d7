package uk.xborder.gateway.audit.verify;

/**
 * What verification of an evidence bundle ({@code audit.evidence.BundleVerifier}) or of the live log
 * ({@link LogVerifier}) found wrong first. Stable names: the API and auditors' tooling may switch on them.
 */
public enum FailureCode {
    /** The bundle is not a complete, well-formed evidence bundle (truncated, not JSON, a field missing or wrong). */
    MALFORMED_BUNDLE,
    /** The bundle's format id or version is not one this verifier knows. */
    UNSUPPORTED_BUNDLE_VERSION,
    /** The audit certificate does not chain to a trust anchor, is expired or revoked, or is not an audit key. */
    UNTRUSTED_AUDIT_KEY,
    /** A checkpoint names a key other than the audit certificate's. */
    CHECKPOINT_KEY_MISMATCH,
    /** A checkpoint's signature does not verify: its size, root, time or key id were changed, or another key signed it. */
    CHECKPOINT_SIGNATURE_INVALID,
    /** Two checkpoints do not describe one append-only log: sizes out of order, or the consistency proof fails. */
    CHECKPOINTS_INCONSISTENT,
    /** The entries as stored do not rebuild the root a checkpoint signed: entries and their hashes were rewritten. */
    CHECKPOINT_ROOT_MISMATCH,
    /** An entry's bytes are not the canonical form of a log entry, or name another sequence number. */
    ENTRY_NOT_CANONICAL,
    /** An entry's inclusion proof does not lead to the checkpoint's root, or its seq is beyond the checkpoint. */
    ENTRY_NOT_IN_LOG,
    /** The same entry appears twice. */
    DUPLICATE_ENTRY,
    /** An entry that must be there is not: a gap in the log, or in a bundle's selected range. */
    ENTRY_MISSING,
    /** Entries are not in log order. */
    ENTRY_OUT_OF_ORDER,
    /** An entry differs from the leaf hash stored when it was appended. */
    ENTRY_ALTERED,
    /** The store has an entry without its leaf hash. */
    LEAF_HASH_MISSING
}
