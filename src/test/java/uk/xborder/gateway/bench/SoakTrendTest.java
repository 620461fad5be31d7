package uk.xborder.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The soak's trend is what tells a leak from a flat line: a least-squares slope per 10 minutes. */
class SoakTrendTest {

    @Test
    void memoryGrowingOneMiBAMinuteTrendsTenMiBPerTenMinutes() {
        BenchResults.Soak soak = soak(List.of(sample(0, 300, 100), sample(60, 301, 100), sample(120, 302, 100),
                sample(180, 303, 100)));

        assertThat(soak.residentSlopeMiBPer10Minutes()).isCloseTo(10.0, within(1e-9));
        assertThat(soak.heapSlopeMiBPer10Minutes()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void noiseAroundAFlatLineTrendsNearZero() {
        BenchResults.Soak soak = soak(List.of(sample(0, 300, 90), sample(60, 310, 120), sample(120, 300, 90),
                sample(180, 310, 120), sample(240, 300, 90), sample(300, 310, 120)));

        assertThat(Math.abs(soak.residentSlopeMiBPer10Minutes())).isLessThan(15.0);
        assertThat(soak.residentSlopeMiBPer10Minutes()).isLessThan(
                soak(List.of(sample(0, 300, 90), sample(300, 400, 90))).residentSlopeMiBPer10Minutes());
    }

    private static BenchResults.Soak soak(List<MonitoredProcess.MemorySample> samples) {
        return new BenchResults.Soak(Duration.ofMinutes(5), 4.0, samples, null);
    }

    private static MonitoredProcess.MemorySample sample(double seconds, double resident, double heap) {
        return new MonitoredProcess.MemorySample(seconds, 0, heap, resident);
    }
}
