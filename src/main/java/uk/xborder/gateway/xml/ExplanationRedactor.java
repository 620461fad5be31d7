package uk.xborder.gateway.xml;

/**
 * Removes quoted values from parser and validator messages before they become an explanation.
 *
 * <p>Explanations reach status notices, logs and audit records, which must never hold message content. The XML
 * parser and schema validator quote the offending value, element name or expected pattern in single or double
 * quotes; every quoted span becomes an ellipsis, keeping the rule identifier and the sentence around it. Only
 * messages that quote what they cite belong here: a message that is itself sender text (an exception whose message
 * is the name the sender wrote) cannot be redacted and must not be passed in.
 *
 * <p>Identity-constraint messages put the duplicate value in square brackets; everything from the first opening
 * bracket to the last closing one is removed as well.
 *
 * <p>A quote only opens a span when no letter or digit comes before it, and only closes one when no letter or digit
 * follows it, so a value with an apostrophe in it (a name such as O'Brien) is redacted whole rather than split at
 * the apostrophe. The message is read once from start to end, whatever its length: a value of megabytes quoted in
 * a message costs no more than reading it.
 */
public final class ExplanationRedactor {

    private static final char ELLIPSIS = '\u2026';
    private static final int MAX_LENGTH = 300;

    private ExplanationRedactor() {
    }

    /** The message with every quoted span replaced by an ellipsis in the same quotes, and bounded in length. */
    public static String redact(String message) {
        if (message == null || message.isBlank()) {
            return "no detail given";
        }
        String redacted = withoutBracketedPart(message);
        redacted = withoutQuotedSpans(redacted, '\'');
        redacted = withoutQuotedSpans(redacted, '"');
        // A stray quote means a value held quotes and the split above may be unsound: keep only the text before
        // the first quote of all rather than risk echoing part of the value.
        if (hasStrayQuote(redacted)) {
            redacted = redacted.substring(0, firstQuote(redacted)) + ELLIPSIS;
        }
        redacted = collapseWhiteSpace(redacted);
        return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH) + ELLIPSIS;
    }

    private static String withoutBracketedPart(String message) {
        int open = message.indexOf('[');
        int close = message.lastIndexOf(']');
        return open >= 0 && close > open
                ? message.substring(0, open) + "[" + ELLIPSIS + "]" + message.substring(close + 1) : message;
    }

    /**
     * Each span from an opening quote (no letter or digit before it) to the first later quote with no letter or
     * digit after it becomes quote, ellipsis, quote. When an opening quote finds no such closing quote, no later
     * one can either, and the rest is left as it is (for the stray-quote rule to deal with).
     */
    private static String withoutQuotedSpans(String text, char quote) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 1024));
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != quote || isWordBefore(text, i)) {
                out.append(c);
                i++;
                continue;
            }
            int close = closingQuote(text, i + 1, quote);
            if (close < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(quote).append(ELLIPSIS).append(quote);
            i = close + 1;
        }
        return out.toString();
    }

    private static int closingQuote(String text, int from, char quote) {
        for (int j = text.indexOf(quote, from); j >= 0; j = text.indexOf(quote, j + 1)) {
            if (!isWordAfter(text, j)) {
                return j;
            }
        }
        return -1;
    }

    /** A letter or digit (in any script) just before the index. */
    private static boolean isWordBefore(String text, int index) {
        return index > 0 && isWord(text.codePointBefore(index));
    }

    /** A letter or digit (in any script) just after the index. */
    private static boolean isWordAfter(String text, int index) {
        return index + 1 < text.length() && isWord(text.codePointAt(index + 1));
    }

    /** The categories of {@code \p{L}} and {@code \p{N}}. */
    private static boolean isWord(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean hasStrayQuote(String redacted) {
        return firstQuote(redacted.replace("'" + ELLIPSIS + "'", "   ").replace("\"" + ELLIPSIS + "\"", "   ")) >= 0;
    }

    private static int firstQuote(String text) {
        int single = text.indexOf('\'');
        int dbl = text.indexOf('"');
        return single < 0 ? dbl : dbl < 0 ? single : Math.min(single, dbl);
    }

    /** Runs of white space become one space, and the ends are trimmed. */
    private static String collapseWhiteSpace(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 16));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString().trim();
    }
}
