package uk.xborder.gateway.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything one run measured, filled in phase by phase, then written out by {@link BenchReport}. */
final class BenchResults {

    /** One side (the relay or the gateway) under the outbound load. */
    record Run(String name, double coldStartSeconds, MonitoredProcess.MemorySample before,
               MonitoredProcess.MemorySample after, ExchangeLoad.Saturation saturation, ExchangeLoad.Paced paced,
               long sent, long completed, long failed, Map<String, Long> drained) {

        /** The same run with memory taken later (after the phases that followed it on the same process). */
        Run after(MonitoredProcess.MemorySample later) {
            return new Run(name, coldStartSeconds, before, later, saturation, paced, sent, completed, failed,
                    drained);
        }
    }

    /** The gateway under the inbound load (envelopes in, receipts out). */
    record Inbound(ExchangeLoad.Saturation saturation, long sent, long completed, long failed,
                   Map<String, Long> drained) {
    }

    /** The gateway at half rate for a long while: memory over time. */
    record Soak(Duration duration, double rate, List<MonitoredProcess.MemorySample> samples,
                ExchangeLoad.Paced paced) {

        /** Least-squares slope of resident memory over time, in MiB per 10 minutes: near 0 when flat. */
        double residentSlopeMiBPer10Minutes() {
            return slope(samples.stream().mapToDouble(MonitoredProcess.MemorySample::residentMiB).toArray());
        }

        double heapSlopeMiBPer10Minutes() {
            return slope(samples.stream().mapToDouble(MonitoredProcess.MemorySample::heapUsedMiB).toArray());
        }

        private double slope(double[] values) {
            double[] t = samples.stream().mapToDouble(MonitoredProcess.MemorySample::atSeconds).toArray();
            int n = values.length;
            if (n < 2) {
                return 0;
            }
            double meanT = 0;
            double meanV = 0;
            for (int i = 0; i < n; i++) {
                meanT += t[i] / n;
                meanV += values[i] / n;
            }
            double covariance = 0;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                covariance += (t[i] - meanT) * (values[i] - meanV);
                variance += (t[i] - meanT) * (t[i] - meanT);
            }
            return variance == 0 ? 0 : covariance / variance * 600;
        }
    }

    private final Machine machine;
    private final Instant started;
    private final Map<String, Object> settings;
    private Run baseline;
    private Run gateway;
    private Inbound inbound;
    private Soak soak;
    private Instant finished;
    private String loadAverageAtEnd;

    BenchResults(Machine machine, Instant started, Map<String, Object> settings) {
        this.machine = machine;
        this.started = started;
        this.settings = settings;
    }

    void baseline(Run run) {
        this.baseline = run;
    }

    void gateway(Run run) {
        this.gateway = run;
    }

    void inbound(Inbound measured) {
        this.inbound = measured;
    }

    void soak(Soak measured) {
        this.soak = measured;
    }

    void finished(Instant when, String loadAverage) {
        this.finished = when;
        this.loadAverageAtEnd = loadAverage;
    }

    Machine machine() {
        return machine;
    }

    Instant started() {
        return started;
    }

    Instant finished() {
        return finished;
    }

    String loadAverageAtEnd() {
        return loadAverageAtEnd;
    }

    Map<String, Object> settings() {
        return settings;
    }

    Run baseline() {
        return baseline;
    }

    Run gateway() {
        return gateway;
    }

    Inbound inbound() {
        return inbound;
    }

    Soak soak() {
        return soak;
    }
}
