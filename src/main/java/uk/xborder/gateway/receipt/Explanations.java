package uk.xborder.gateway.receipt;

/** Sentences about receipts, kept within what the status notice and the ledger hold. */
final class Explanations {

    /** The status notice's and the ledger's limit for an explanation. */
    static final int LIMIT = 2000;

    private Explanations() {
    }

    /** The partner's own sentence for a refusal, or one saying it gave none. */
    static String partners(String partner, String explanation) {
        return limit(explanation == null || explanation.isBlank()
                ? "'" + partner + "' refused the message without giving a reason."
                : explanation);
    }

    /** Ends the text with a full stop unless it already ends a sentence. */
    static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    static String limit(String explanation) {
        if (explanation == null || explanation.length() <= LIMIT) {
            return explanation;
        }
        return explanation.substring(0, LIMIT - 1) + "…";
    }
}
