package uk.xborder.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The results as JSON (every figure) and as a Markdown table (what, gateway, baseline, ratio, target, met?). */
final class BenchReport {

    static final double RATIO_TARGET = 0.5;
    static final double P99_TARGET_MS = 100;
    static final double RESIDENT_TARGET_MIB = 512;
    static final double COLD_START_TARGET_S = 5;

    private BenchReport() {
    }

    static void write(BenchResults results, Path directory) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("exchange.json").toFile(), json(results));
        Files.writeString(directory.resolve("exchange.md"), markdown(results), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> json(BenchResults r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", r.started().toString());
        root.put("finished", r.finished().toString());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", r.machine().cores());
        machine.put("cpu", r.machine().cpu());
        machine.put("memoryMiB", r.machine().memoryMiB());
        machine.put("java", r.machine().java());
        machine.put("os", r.machine().os());
        machine.put("loadAverageAtStart", r.machine().loadAverageAtStart());
        machine.put("loadAverageAtEnd", r.loadAverageAtEnd());
        machine.put("note", "load averages are of the whole machine: other work ran beside the benchmark");
        root.put("machine", machine);
        root.put("settings", r.settings());
        root.put("baseline", run(r.baseline()));
        root.put("gatewayOutbound", run(r.gateway()));
        if (r.inbound() != null) {
            Map<String, Object> inbound = new LinkedHashMap<>();
            inbound.put("saturation", r.inbound().saturation());
            inbound.put("sent", r.inbound().sent());
            inbound.put("completed", r.inbound().completed());
            inbound.put("failed", r.inbound().failed());
            inbound.put("drained", r.inbound().drained());
            root.put("gatewayInbound", inbound);
        }
        if (r.soak() != null) {
            Map<String, Object> soak = new LinkedHashMap<>();
            soak.put("duration", r.soak().duration().toString());
            soak.put("ratePerSecond", r.soak().rate());
            soak.put("latencyMillis", percentiles(r.soak().paced()));
            soak.put("residentSlopeMiBPer10Minutes", r.soak().residentSlopeMiBPer10Minutes());
            soak.put("heapSlopeMiBPer10Minutes", r.soak().heapSlopeMiBPer10Minutes());
            soak.put("samples", r.soak().samples());
            root.put("gatewaySoak", soak);
        }
        root.put("table", rows(r));
        return root;
    }

    private static Map<String, Object> run(BenchResults.Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coldStartSeconds", run.coldStartSeconds());
        m.put("saturation", run.saturation());
        Map<String, Object> paced = new LinkedHashMap<>();
        paced.put("targetPerSecond", run.paced().targetPerSecond());
        paced.put("achievedPerSecond", run.paced().achievedPerSecond());
        paced.put("messages", run.paced().messages());
        paced.put("cpuMillisPerMessage", run.paced().cpuMillisPerMessage());
        paced.put("latencyMillis", percentiles(run.paced()));
        m.put("paced", paced);
        m.put("memoryBefore", run.before());
        m.put("memoryAfter", run.after());
        m.put("sent", run.sent());
        m.put("completed", run.completed());
        m.put("failed", run.failed());
        m.put("drained", run.drained());
        return m;
    }

    private static Map<String, Object> percentiles(ExchangeLoad.Paced paced) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            m.put("p" + (p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p)),
                    ExchangeBenchmark.millis(paced, p));
        }
        m.put("max", paced.latencyMicros().getMaxValue() / 1000.0);
        m.put("mean", paced.latencyMicros().getMean() / 1000.0);
        m.put("count", paced.latencyMicros().getTotalCount());
        return m;
    }

    /** One line of the table. */
    record Row(String what, String gateway, String baseline, String ratio, String target, String met) {
    }

    /** "1 consumer", "2 consumers": on the agency's queue, the same on both sides. */
    static String consumers(BenchResults r) {
        Object count = r.settings().getOrDefault("consumersPerAgencyQueue", 1);
        return count + ("1".equals(String.valueOf(count)) ? " consumer" : " consumers");
    }

    static List<Row> rows(BenchResults r) {
        BenchResults.Run g = r.gateway();
        BenchResults.Run b = r.baseline();
        List<Row> rows = new ArrayList<>();
        double ratio = g.saturation().perSecond() / b.saturation().perSecond();
        rows.add(new Row("outbound throughput, msg/s (3 recipients, " + consumers(r) + ")", f1(g.saturation().perSecond()),
                f1(b.saturation().perSecond()), f2(ratio), "ratio >= " + RATIO_TARGET, met(ratio >= RATIO_TARGET)));
        if (r.inbound() != null) {
            double in = r.inbound().saturation().perSecond();
            rows.add(new Row("inbound throughput, envelopes/s (with signed receipts)", f1(in),
                    f1(b.saturation().perSecond()), f2(in / b.saturation().perSecond()), "-", "-"));
        }
        rows.add(new Row("latency measured at (half the most sustained), msg/s",
                f1(g.paced().achievedPerSecond()), f1(b.paced().achievedPerSecond()), "", "", ""));
        for (double p : new double[] {50, 95}) {
            double gp = ExchangeBenchmark.millis(g.paced(), p);
            double bp = ExchangeBenchmark.millis(b.paced(), p);
            rows.add(new Row("latency send to status notice, p" + (int) p + ", ms", f1(gp), f1(bp), f2(gp / bp),
                    "-", "-"));
        }
        double g99 = ExchangeBenchmark.millis(g.paced(), 99);
        double b99 = ExchangeBenchmark.millis(b.paced(), 99);
        rows.add(new Row("latency send to status notice, p99, ms", f1(g99), f1(b99), f2(g99 / b99),
                "<= " + (int) P99_TARGET_MS + " ms", met(g99 <= P99_TARGET_MS)));
        double gMax = g.paced().latencyMicros().getMaxValue() / 1000.0;
        double bMax = b.paced().latencyMicros().getMaxValue() / 1000.0;
        rows.add(new Row("latency send to status notice, max, ms", f1(gMax), f1(bMax), f2(gMax / bMax), "-", "-"));
        rows.add(new Row("CPU ms per message (outbound, at the most sustained)",
                f2(g.saturation().cpuMillisPerMessage()), f2(b.saturation().cpuMillisPerMessage()),
                f2(g.saturation().cpuMillisPerMessage() / b.saturation().cpuMillisPerMessage()),
                "as low as the crypto allows", "-"));
        rows.add(new Row("of which the JIT compiler, CPU ms per message (warm-up left over)",
                f2(g.saturation().compilerCpuMillisPerMessage()), f2(b.saturation().compilerCpuMillisPerMessage()),
                "", "-", "-"));
        if (r.inbound() != null) {
            rows.add(new Row("CPU ms per envelope (inbound, at the most sustained)",
                    f2(r.inbound().saturation().cpuMillisPerMessage()), "", "", "-", "-"));
        }
        rows.add(new Row("heap used before -> after the load, MiB", f0(g.before().heapUsedMiB()) + " -> "
                + f0(g.after().heapUsedMiB()), f0(b.before().heapUsedMiB()) + " -> " + f0(b.after().heapUsedMiB()),
                "", "-", "-"));
        rows.add(new Row("resident memory before -> after (" + String.format(Locale.ROOT, "%,d",
                g.after().messages()) + " / " + String.format(Locale.ROOT, "%,d", b.after().messages())
                + " messages), MiB", f0(g.before().residentMiB()) + " -> " + f0(g.after().residentMiB()),
                f0(b.before().residentMiB()) + " -> " + f0(b.after().residentMiB()),
                f2(g.after().residentMiB() / b.after().residentMiB()), "<= " + (int) RESIDENT_TARGET_MIB + " MiB",
                met(g.after().residentMiB() <= RESIDENT_TARGET_MIB)));
        rows.add(new Row("cold start to ready, s", f2(g.coldStartSeconds()), f2(b.coldStartSeconds()),
                f2(g.coldStartSeconds() / b.coldStartSeconds()), "<= " + (int) COLD_START_TARGET_S + " s",
                met(g.coldStartSeconds() <= COLD_START_TARGET_S)));
        if (r.soak() != null) {
            List<MonitoredProcess.MemorySample> s = r.soak().samples();
            MonitoredProcess.MemorySample first = s.get(0);
            MonitoredProcess.MemorySample last = s.get(s.size() - 1);
            rows.add(new Row("soak " + r.soak().duration() + " at " + f1(r.soak().rate())
                    + " msg/s: resident first -> last (max), MiB", f0(first.residentMiB()) + " -> "
                    + f0(last.residentMiB()) + " (" + f0(s.stream().mapToDouble(
                            MonitoredProcess.MemorySample::residentMiB).max().orElse(0)) + ")", "", "",
                    "<= " + (int) RESIDENT_TARGET_MIB + " MiB, flat",
                    met(last.residentMiB() <= RESIDENT_TARGET_MIB)));
            rows.add(new Row("soak: resident / heap trend, MiB per 10 min", f1(r.soak().residentSlopeMiBPer10Minutes())
                    + " / " + f1(r.soak().heapSlopeMiBPer10Minutes()), "", "", "about 0", "-"));
            rows.add(new Row("soak: latency p99, ms", f1(ExchangeBenchmark.millis(r.soak().paced(), 99)), "", "",
                    "<= " + (int) P99_TARGET_MS + " ms",
                    met(ExchangeBenchmark.millis(r.soak().paced(), 99) <= P99_TARGET_MS)));
        }
        return rows;
    }

    static String markdownTable(BenchResults r) {
        StringBuilder md = new StringBuilder();
        md.append("| what | gateway | baseline | ratio | target | met? |\n|---|---|---|---|---|---|\n");
        for (Row row : rows(r)) {
            md.append("| ").append(String.join(" | ", row.what(), row.gateway(), row.baseline(), row.ratio(),
                    row.target(), row.met())).append(" |\n");
        }
        return md.toString();
    }

    private static String markdown(BenchResults r) {
        return "# Exchange benchmark, " + r.started() + "\n\n"
                + "Machine: " + r.machine().summary() + " at the start; load average " + r.loadAverageAtEnd()
                + " at the end. The machine may have been shared with other work: the load averages say how busy"
                + " it was.\n\n"
                + "Gateway: the distribution's bin/gateway in its own JVM (embedded default, its receipt timeout"
                + " set to " + BenchDirectory.RECEIPT_TIMEOUT + " since no partner answers the outbound load)."
                + " Baseline: the bare relay (consume 1, send 4 in one local transaction, " + consumers(r) + ") on the"
                + " gateway's embedded broker in its own JVM with the same memory options. Clients (the agency,"
                + " the partners) in the harness JVM, over TCP, the same for both. Report: " + r.settings()
                .get("reportBytes") + " bytes.\n\n"
                + markdownTable(r) + "\nSettings: " + r.settings() + "\n";
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
