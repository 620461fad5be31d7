package uk.xborder.gateway.audit.merkle;

import java.util.HexFormat;

/**
 * A Merkle proof did not verify. {@link #reason()} says which rule failed; the message says it in a sentence and,
 * when roots were compared, names both the expected and the computed root in hex (roots are public: they are what
 * checkpoints publish).
 */
public final class ProofVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which rule of RFC 9162 section 2.1.3.2 / 2.1.4.2 the proof broke. */
    public enum Reason {
        /** The leaf index is not below the tree size, or a size is negative. */
        INDEX_OUT_OF_RANGE,
        /** A consistency proof from a larger tree to a smaller one. */
        SIZES_OUT_OF_ORDER,
        /** The path has more or fewer hashes than a proof for these sizes has. */
        WRONG_PATH_LENGTH,
        /** A path element, leaf hash or root is not a 32-byte hash. */
        MALFORMED_HASH,
        /** The recomputed root differs from the expected one. */
        ROOT_MISMATCH
    }

    private final Reason reason;

    ProofVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static String hex(byte[] hash) {
        return hash == null ? "(none)" : HexFormat.of().formatHex(hash);
    }
}
