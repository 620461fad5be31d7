package uk.xborder.gateway.exchange.operator;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who acts and why: what every replay and discard carries onto the exchange's audit trail.
 *
 * @param actor  the operator as the audit log names people ({@code user:<name>})
 * @param reason why, in the operator's words: required, 1 to {@value #MAX_REASON} characters, no control characters
 * @param force  replay an exchange delivered already (its partner still takes it once); no effect on a discard
 */
public record OperatorAction(String actor, String reason, boolean force) {

    public static final int MAX_REASON = 500;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public OperatorAction {
        Objects.requireNonNull(actor, "actor");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        reason = reason.strip();
        if (reason.length() > MAX_REASON || CONTROL.matcher(reason).find()) {
            throw new IllegalArgumentException("the reason must be at most " + MAX_REASON
                    + " characters without control characters");
        }
    }
}
