package uk.xborder.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The waits between attempts, as a partner's retry policy gives them. */
class RetryPolicyTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aConstantBackOffWaitsTheSameBeforeEveryAttempt() {
        RetryPolicy policy = new RetryPolicy(RetryPolicy.BackOff.CONSTANT, SECOND.multipliedBy(5),
                SECOND.multipliedBy(5), 4, 0);
        assertThat(policy.delayBefore(2, () -> 0.5)).isEqualTo(SECOND.multipliedBy(5));
        assertThat(policy.delayBefore(4, () -> 0.5)).isEqualTo(SECOND.multipliedBy(5));
    }

    @Test
    void aProgressiveBackOffDoublesUpToItsMaximum() {
        RetryPolicy policy = new RetryPolicy(RetryPolicy.BackOff.PROGRESSIVE, SECOND, SECOND.multipliedBy(10), 100,
                0);
        assertThat(policy.delayBefore(2, () -> 0)).isEqualTo(SECOND);
        assertThat(policy.delayBefore(3, () -> 0)).isEqualTo(SECOND.multipliedBy(2));
        assertThat(policy.delayBefore(5, () -> 0)).isEqualTo(SECOND.multipliedBy(8));
        assertThat(policy.delayBefore(6, () -> 0)).isEqualTo(SECOND.multipliedBy(10));
        // far beyond the cap: no overflow
        assertThat(policy.delayBefore(100, () -> 0)).isEqualTo(SECOND.multipliedBy(10));
    }

    @Test
    void jitterTakesOffAtMostItsFractionAndNeverAddsBeyondTheMaximum() {
        RetryPolicy policy = new RetryPolicy(RetryPolicy.BackOff.PROGRESSIVE, SECOND.multipliedBy(10),
                SECOND.multipliedBy(10), 5, 0.2);
        assertThat(policy.delayBefore(3, () -> 0)).isEqualTo(SECOND.multipliedBy(10));
        assertThat(policy.delayBefore(3, () -> 0.5)).isEqualTo(SECOND.multipliedBy(9));
        assertThat(policy.delayBefore(3, () -> 0.999_999)).isGreaterThan(SECOND.multipliedBy(8));
    }

    @Test
    void attemptsAreCountedFromTheFirst() {
        RetryPolicy once = new RetryPolicy(RetryPolicy.BackOff.CONSTANT, SECOND, SECOND, 1, 0);
        assertThat(once.allowsAttempt(1)).isTrue();
        assertThat(once.allowsAttempt(2)).isFalse();
        assertThatThrownBy(() -> once.delayBefore(1, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachUnusableFieldIsNamed() {
        assertThatThrownBy(() -> new RetryPolicy(RetryPolicy.BackOff.CONSTANT, Duration.ZERO, SECOND, 3, 0))
                .hasMessageStartingWith("initialDelay");
        assertThatThrownBy(() -> new RetryPolicy(RetryPolicy.BackOff.CONSTANT, SECOND.multipliedBy(2), SECOND, 3, 0))
                .hasMessageStartingWith("maxDelay");
        assertThatThrownBy(() -> new RetryPolicy(RetryPolicy.BackOff.CONSTANT, SECOND, SECOND, 0, 0))
                .hasMessageStartingWith("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(RetryPolicy.BackOff.CONSTANT, SECOND, SECOND, 3, -0.1))
                .hasMessageStartingWith("jitter");
        assertThatThrownBy(() -> new RetryPolicy(RetryPolicy.BackOff.CONSTANT, SECOND, SECOND, 3, Double.NaN))
                .hasMessageStartingWith("jitter");
        assertThatThrownBy(() -> RetryPolicy.BackOff.named("linear")).hasMessageContaining("'linear'");
    }
}
