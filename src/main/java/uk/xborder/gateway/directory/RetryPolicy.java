package uk.xborder.gateway.directory;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How deliveries to one partner are tried again after a transient failure (a refused connection, a timeout, an
 * HTTP 5xx): how many attempts in all, and how long to wait before each next one. The first attempt is made at once;
 * attempt {@code n} (from 2) waits {@link #delayBefore}: always {@code initialDelay} with {@link BackOff#CONSTANT};
 * {@code initialDelay} doubled for each attempt after the second, never beyond {@code maxDelay}, with
 * {@link BackOff#PROGRESSIVE}. Jitter takes up to that fraction off each wait at random, so that deliveries that
 * failed together (a partner that went down with many messages in flight) are not all tried again in the same
 * instant. A wait is never longer than {@code maxDelay}.
 *
 * @param backOff      constant or progressive
 * @param initialDelay the wait before the second attempt
 * @param maxDelay     the longest wait between two attempts
 * @param maxAttempts  attempts in all, the first included (1: never tried again)
 * @param jitter       0 for none; up to (not including) 1, the largest fraction taken off a wait
 */
public record RetryPolicy(BackOff backOff, Duration initialDelay, Duration maxDelay, int maxAttempts, double jitter) {

    /** How the wait grows from one attempt to the next. */
    public enum BackOff {
        /** The same wait before every attempt. */
        CONSTANT,
        /** Doubled for every attempt, up to the maximum delay. */
        PROGRESSIVE;

        /** The name as written in the directory and the settings: {@code constant} or {@code progressive}. */
        public static BackOff named(String name) {
            for (BackOff backOff : values()) {
                if (backOff.name().equalsIgnoreCase(name.trim())) {
                    return backOff;
                }
            }
            throw new IllegalArgumentException("must be constant or progressive, not '" + name + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The fields are checked one by one; each problem names its field as the directory writes it (backOff,
     * initialDelay, maxDelay, maxAttempts, jitter), so that the directory and the settings can say where it is.
     */
    public RetryPolicy {
        Objects.requireNonNull(backOff, "backOff");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new InvalidRetryPolicyException("initialDelay", "must be positive, not " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new InvalidRetryPolicyException("maxDelay", "(" + maxDelay + ") must not be shorter than"
                    + " initialDelay (" + initialDelay + ")");
        }
        if (maxAttempts < 1) {
            throw new InvalidRetryPolicyException("maxAttempts", "must be at least 1 (the first attempt), not "
                    + maxAttempts);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new InvalidRetryPolicyException("jitter", "must be at least 0 and less than 1, not " + jitter);
        }
    }

    /** A field of a retry policy that cannot be used. */
    public static final class InvalidRetryPolicyException extends IllegalArgumentException {

        private final String field;

        InvalidRetryPolicyException(String field, String problem) {
            super(field + " " + problem);
            this.field = field;
        }

        /** The field at fault, as the directory writes it. */
        public String field() {
            return field;
        }
    }

    /** Whether there may be an attempt with this number (the first is 1). */
    public boolean allowsAttempt(int attempt) {
        return attempt >= 1 && attempt <= maxAttempts;
    }

    /**
     * How long to wait before attempt {@code attempt} (2 or more), {@code random} giving a number in [0, 1) for the
     * jitter.
     */
    public Duration delayBefore(int attempt, DoubleSupplier random) {
        if (attempt < 2) {
            throw new IllegalArgumentException("the first attempt is made at once; there is no wait before it");
        }
        Duration wait = backOff == BackOff.CONSTANT ? initialDelay : progressive(attempt);
        if (jitter == 0) {
            return wait;
        }
        long millis = wait.toMillis();
        return Duration.ofMillis(millis - (long) (millis * jitter * random.getAsDouble()));
    }

    private Duration progressive(int attempt) {
        // initialDelay * 2^(attempt - 2), stopping at maxDelay before it can overflow
        Duration wait = initialDelay;
        for (int n = 2; n < attempt && wait.compareTo(maxDelay) < 0; n++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }

    /** The same policy with some fields replaced (null: kept), as a partner's entry overrides the defaults. */
    public RetryPolicy with(BackOff newBackOff, Duration newInitialDelay, Duration newMaxDelay, Integer newMaxAttempts,
                            Double newJitter) {
        return new RetryPolicy(newBackOff == null ? backOff : newBackOff,
                newInitialDelay == null ? initialDelay : newInitialDelay,
                newMaxDelay == null ? maxDelay : newMaxDelay,
                newMaxAttempts == null ? maxAttempts : newMaxAttempts,
                newJitter == null ? jitter : newJitter);
    }

    @Override
    public String toString() {
        return backOff + " back-off, " + maxAttempts + " attempts, from " + initialDelay + " up to " + maxDelay
                + (jitter == 0 ? "" : ", jitter " + jitter);
    }
}
