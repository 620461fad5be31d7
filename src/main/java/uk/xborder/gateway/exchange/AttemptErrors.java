package uk.xborder.gateway.exchange;

import java.util.ArrayList;
import java.util.List;

import uk.xborder.gateway.xml.ExplanationRedactor;

/**
 * The error of a failed attempt as the store keeps it: the kind of each exception in the chain and the innermost
 * one's message with quoted spans removed (a transport names the host and says "Connection refused"; a parser may
 * quote what it read, and that must not be kept), bounded in length.
 */
public final class AttemptErrors {

    static final int MAX_LENGTH = 1000;

    private AttemptErrors() {
    }

    public static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        List<String> kinds = new ArrayList<>();
        Throwable innermost = cause;
        for (Throwable t = cause; t != null && kinds.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            kinds.add(t.getClass().getSimpleName());
            innermost = t;
        }
        String text = String.join(" <- ", kinds) + ": " + ExplanationRedactor.redact(innermost.getMessage());
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "\u2026";
    }
}
