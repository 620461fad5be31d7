package uk.xborder.gateway.api;

import java.util.List;

/**
 * The reason a person gives for a consultation, in the {@value #HEADER} header. The law enforcement logging rules
 * (DPA 2018 s.62) ask that the justification of every consultation can be established, so a request without one is
 * refused before anything is read.
 */
public final class Justification {

    public static final String HEADER = "X-Audit-Justification";
    public static final int MAX_LENGTH = 500;
    /** How much of a refused caller's text is kept, sanitized, in the audit log. */
    static final int REFUSED_LENGTH = 64;

    private Justification() {
    }

    /** The justification of a request, trimmed; a {@code 400} problem when it is missing, repeated or unusable. */
    public static String require(List<String> headerValues) {
        if (headerValues.isEmpty() || headerValues.get(0).isBlank()) {
            throw ApiProblem.badRequest("MISSING_JUSTIFICATION", "Every request must give the reason for the "
                    + "consultation in the " + HEADER + " header; nothing was read.");
        }
        if (headerValues.size() > 1) {
            throw ApiProblem.badRequest("INVALID_JUSTIFICATION", "Give the " + HEADER + " header once.");
        }
        String text = headerValues.get(0).strip();
        if (text.length() > MAX_LENGTH) {
            throw ApiProblem.badRequest("JUSTIFICATION_TOO_LONG", "The " + HEADER + " header is at most "
                    + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw ApiProblem.badRequest("INVALID_JUSTIFICATION", "The " + HEADER + " header must not contain "
                        + "control characters.");
            }
        }
        return text;
    }

    /** What of a refused request's justification goes into the audit log. */
    static String ofRefused(String offered) {
        return offered == null || offered.isBlank() ? null : Sanitized.text(offered.strip(), REFUSED_LENGTH);
    }
}
