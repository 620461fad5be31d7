package uk.xborder.gateway.exchange.operator;

import java.util.Optional;

/**
 * Whether a bulk replay or discard may go ahead: one of more than {@code maxBulk} exchanges only when the operator
 * confirms the number they saw ({@code expectedCount}), and any only when a number given is the number selected now,
 * so that nobody replays more than they looked at.
 */
public final class BulkConfirmation {

    /** Why it may not go ahead: the code and sentence of the refusal. */
    public record Refusal(String code, String sentence) {
    }

    private final int maxBulk;

    public BulkConfirmation(int maxBulk) {
        if (maxBulk < 1) {
            throw new IllegalArgumentException("max-bulk must be at least 1");
        }
        this.maxBulk = maxBulk;
    }

    public int maxBulk() {
        return maxBulk;
    }

    /** Empty when the selection may be acted on. */
    public Optional<Refusal> check(int selected, Long expectedCount, String what) {
        if (expectedCount != null && expectedCount != selected) {
            return Optional.of(new Refusal("COUNT_CHANGED", selected + " exchanges are selected now, not the "
                    + expectedCount + " expected; nothing was " + what + ". Look again and confirm the number seen."));
        }
        if (expectedCount == null && selected > maxBulk) {
            return Optional.of(new Refusal("CONFIRMATION_REQUIRED", selected + " exchanges are selected, more than "
                    + maxBulk + " (gateway.operator.max-bulk); nothing was " + what + ". Send expectedCount "
                    + selected + " to confirm."));
        }
        return Optional.empty();
    }
}
