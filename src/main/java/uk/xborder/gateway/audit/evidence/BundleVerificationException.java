package uk.xborder.gateway.audit.evidence;

import java.util.Objects;

import uk.xborder.gateway.audit.verify.FailureCode;

/**
 * An evidence bundle did not verify. {@link #code()} is for programs; the message is one sentence for a person,
 * naming the entry seq or checkpoint size concerned — never entry content, never a stack trace.
 */
public final class BundleVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureCode code;

    public BundleVerificationException(FailureCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public FailureCode code() {
        return code;
    }

    @Override
    public String toString() {
        return "BundleVerificationException[" + code + "]: " + getMessage();
    }
}
