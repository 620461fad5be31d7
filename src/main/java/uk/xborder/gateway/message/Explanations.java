package uk.xborder.gateway.message;

/**
 * Explanations go back to the sending agency and into the audit log, and a code that arrived in a message is
 * untrusted input: it is quoted in a bounded, printable form so that it can neither forge log lines nor carry
 * message content.
 */
final class Explanations {

    private static final int MAX_CODE_CHARS = 24;

    private Explanations() {
    }

    static String quote(String code) {
        if (code == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(code.length(), MAX_CODE_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = code.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
        }
        if (code.length() > MAX_CODE_CHARS) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
