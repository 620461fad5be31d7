package uk.xborder.gateway.api;

/**
 * A short, harmless rendering of text an unauthenticated or mistaken caller sent, for the audit log: letters, digits,
 * spaces and common punctuation are kept, anything else (control characters, quotes, markup, non-ASCII) becomes
 * {@code ?}, and the result is cut to a length limit. Enough for an auditor to recognise an attempt, too little to
 * smuggle content or forge log lines through.
 */
public final class Sanitized {

    private Sanitized() {
    }

    public static String text(String raw, int maxLength) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), maxLength) + 3);
        for (int i = 0; i < raw.length() && out.length() < maxLength; i++) {
            char c = raw.charAt(i);
            out.append(isSafe(c) ? c : '?');
        }
        if (raw.length() > maxLength) {
            out.append("...");
        }
        return out.toString();
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || " .,;:_@/()#+-".indexOf(c) >= 0;
    }
}
