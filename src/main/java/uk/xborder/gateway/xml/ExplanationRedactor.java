package uk.xborder.gateway.xml;

import java.util.regex.Pattern;

/**
 * Removes quoted values from parser and validator messages before they become an explanation.
 *
 * <p>Explanations reach status notices, logs and audit records, which must never hold message content. The XML
 * parser and schema validator quote the offending value, element name or expected pattern in single or double
 * quotes; every quoted span becomes an ellipsis, keeping the rule identifier and the sentence around it.
 *
 * <p>Identity-constraint messages put the duplicate value in square brackets; everything from the first opening
 * bracket to the last closing one is removed as well.
 *
 * <p>A quote only closes a span when no letter or digit follows it, so a value with an apostrophe in it (a name
 * such as O'Brien) is redacted whole rather than split at the apostrophe.
 */
public final class ExplanationRedactor {

    private static final Pattern SINGLE_QUOTED =
            Pattern.compile("(?<![\\p{L}\\p{N}])'(?:[^']|'(?=[\\p{L}\\p{N}]))*'(?![\\p{L}\\p{N}])");
    private static final Pattern DOUBLE_QUOTED =
            Pattern.compile("(?<![\\p{L}\\p{N}])\"(?:[^\"]|\"(?=[\\p{L}\\p{N}]))*\"(?![\\p{L}\\p{N}])");
    private static final Pattern BRACKETED = Pattern.compile("(?s)\\[.*\\]");
    private static final int MAX_LENGTH = 300;

    private ExplanationRedactor() {
    }

    /** The message with every quoted span replaced by an ellipsis in the same quotes, and bounded in length. */
    public static String redact(String message) {
        if (message == null || message.isBlank()) {
            return "no detail given";
        }
        String redacted = BRACKETED.matcher(message).replaceAll("[\u2026]");
        redacted = SINGLE_QUOTED.matcher(redacted).replaceAll("'\u2026'");
        redacted = DOUBLE_QUOTED.matcher(redacted).replaceAll("\"\u2026\"");
        // A stray quote means a value held quotes and the split above may be unsound: keep only the text before
        // the first quote of all rather than risk echoing part of the value.
        if (firstStrayQuote(redacted) >= 0) {
            redacted = redacted.substring(0, firstQuote(redacted)) + "\u2026";
        }
        redacted = redacted.replaceAll("\\s+", " ").trim();
        return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH) + "\u2026";
    }

    private static int firstQuote(String text) {
        int single = text.indexOf('\'');
        int dbl = text.indexOf('"');
        return single < 0 ? dbl : dbl < 0 ? single : Math.min(single, dbl);
    }

    private static int firstStrayQuote(String redacted) {
        return firstQuote(redacted.replace("'\u2026'", "   ").replace("\"\u2026\"", "   "));
    }
}
