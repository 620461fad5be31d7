package uk.xborder.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The exchange's speed from outside, next to a bare broker relay measured in the same run on the same broker
 * settings (issue 10). Each side runs in a JVM of its own with the distribution's memory options, so that its CPU
 * time and resident memory are its own; the harness JVM holds only the JMS clients (the agency and the partners),
 * the same for both sides:
 * <ol>
 *   <li>the relay ({@link RelayBaseline}): the gateway's embedded broker, one consumer, consume 1 and send 4 in one
 *       local transaction;</li>
 *   <li>the gateway: the distribution's {@code bin/gateway} on its embedded default, its data under
 *       {@code target/bench/}; the outbound exchange of the example report to three recipients and, unless
 *       {@code -Dbench.inbound=0}, the inbound exchange of Europol envelopes, each answered with a signed receipt;</li>
 * </ol>
 * For each: the most it sustains (closed loop, {@code bench.in-flight} outstanding, warm-up excluded), latency
 * percentiles from send to status notice at half that rate (open loop, paced), CPU milliseconds per message, heap
 * and resident memory before and after, cold start to ready. {@code -Dbench.soak=PT30M} then keeps the gateway at
 * half rate for that long, sampling heap and resident memory. Results: {@code target/bench/exchange.json},
 * {@code exchange.md}, {@code exchange.png} (and {@code soak.png}).
 * <p>
 * Run: {@code mvn -B -Pbench verify} (builds the distribution first). Options, as -D: {@code bench.messages},
 * {@code bench.warm-up}, {@code bench.baseline-messages}, {@code bench.in-flight}, {@code bench.senders}, {@code bench.paced} (measured
 * stretch, ISO-8601), {@code bench.inbound} (messages; 0 skips), {@code bench.soak}, {@code bench.soak-sample},
 * {@code bench.jfr=true} (a flight recording of the gateway beside the results).
 */
public final class ExchangeBenchmark {

    private static final Path OUT = Path.of(setting("bench.out", "target/bench")).toAbsolutePath();
    private static final Path DISTRIBUTION =
            Path.of(setting("bench.distribution", "target/xborder-gateway")).toAbsolutePath();
    private static final int MESSAGES = Integer.parseInt(setting("bench.messages", "1500"));
    /**
     * Enough for the JIT to have compiled the pipeline. With 300, the same code measured 44 CPU ms per message
     * against 30 after 3,000: a flight recording showed the C2 compiler thread using as much CPU as the agency's
     * consumer through the measured stretch. The report shows the compiler's share, so a warm-up too short for
     * another machine shows itself.
     */
    private static final int WARM_UP = Integer.parseInt(setting("bench.warm-up", "3000"));
    private static final int BASELINE_MESSAGES = Integer.parseInt(setting("bench.baseline-messages", "6000"));
    private static final int IN_FLIGHT = Integer.parseInt(setting("bench.in-flight", "32"));
    private static final int SENDERS = Integer.parseInt(setting("bench.senders", "2"));
    /** Consumers of the agency's queue, on both sides: the gateway's setting and the relay's threads. */
    static final int CONSUMERS = Integer.parseInt(setting("bench.consumers", "1"));
    private static final Duration PACED = Duration.parse(setting("bench.paced", "PT30S"));
    private static final Duration PACED_WARM_UP = Duration.ofSeconds(10);
    private static final int INBOUND = Integer.parseInt(setting("bench.inbound", "600"));
    private static final Duration SOAK = Duration.parse(setting("bench.soak", "PT0S"));
    private static final Duration SOAK_SAMPLE = Duration.parse(setting("bench.soak-sample", "PT10S"));
    private static final boolean JFR = Boolean.parseBoolean(setting("bench.jfr", "false"));

    private ExchangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!Files.isExecutable(DISTRIBUTION.resolve("bin/gateway"))) {
            throw new IllegalStateException("no distribution at " + DISTRIBUTION + ": run mvn -Pbench verify");
        }
        Files.createDirectories(OUT);
        BenchResults results = new BenchResults(Machine.describe(), Instant.now(), settings());
        String runId = "PS-IR-BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

        print("Exchange benchmark on %s%n", results.machine().summary());
        results.baseline(measureBaseline(runId + "-R"));
        results.gateway(measureGateway(runId + "-G", results));
        results.finished(Instant.now(), Machine.loadAverage());

        BenchReport.write(results, OUT);
        BenchCharts.write(results, OUT);
        print("%n%s%nwritten: %s/exchange.json, exchange.md, exchange.png%s%n", BenchReport.markdownTable(results),
                OUT, results.soak() != null ? ", soak.png" : "");
        long failed = results.baseline().failed() + results.gateway().failed()
                + (results.inbound() != null ? results.inbound().failed() : 0);
        if (failed > 0) {
            // Figures of a run in which messages were refused measure something else than the exchange.
            print("%d messages were not accepted (see the logs in %s): the figures do not stand%n", failed, OUT);
            System.exit(1);
        }
    }

    private static BenchResults.Run measureBaseline(String runId) throws Exception {
        Path data = fresh(OUT.resolve("baseline-data"));
        int port = RunningGateway.freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(gatewayMemoryOptions());
        command.add("-Dgateway.home=" + DISTRIBUTION);
        command.add("-Dgateway.data-dir=" + data);
        command.add("-Dgateway.broker.embedded.port=" + port);
        command.add("-Dgateway.broker.url=vm://0");
        command.add("-D" + RelayBaseline.CONSUMERS_PROPERTY + "=" + CONSUMERS);
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(RelayBaseline.class.getName());
        print("%nbaseline: the bare relay on the gateway's embedded broker (its own JVM)%n");
        try (MonitoredProcess relay = MonitoredProcess.start("relay", command, Map.of(), DISTRIBUTION,
                OUT.resolve("baseline.log")).awaitReady(() -> Files.exists(RelayBaseline.readyFile(data)),
                Duration.ofMinutes(2));
             ExchangeLoad load = new ExchangeLoad("tcp://127.0.0.1:" + port, BenchTraffic.outbound(runId),
                     SENDERS)) {
            return measure("baseline", relay, load, BASELINE_MESSAGES / 5, BASELINE_MESSAGES, null);
        }
    }

    private static BenchResults.Run measureGateway(String runId, BenchResults results) throws Exception {
        Path data = fresh(OUT.resolve("gateway-data"));
        int brokerPort = RunningGateway.freePort();
        int apiPort = RunningGateway.freePort();
        Path directory = BenchDirectory.write(DISTRIBUTION, OUT.resolve("directory.yaml"));
        Map<String, String> environment = Map.of(
                "GATEWAY_DATA_DIR", data.toString(),
                "GATEWAY_DIRECTORY", directory.toString(),
                "GATEWAY_BROKER_EMBEDDED_PORT", Integer.toString(brokerPort),
                "GATEWAY_API_PORT", Integer.toString(apiPort),
                "GATEWAY_OUTBOUND_CONSUMERS_PER_AGENCY", Integer.toString(CONSUMERS),
                "JAVA_OPTS", JFR ? "-XX:StartFlightRecording=filename=" + OUT.resolve("gateway.jfr")
                        + ",settings=profile,dumponexit=true" : "");
        print("%ngateway: %s/bin/gateway (its own JVM), data in %s%n", DISTRIBUTION, data);
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + apiPort + "/observe/health");
        try (MonitoredProcess gateway = MonitoredProcess.start("gateway",
                List.of(DISTRIBUTION.resolve("bin/gateway").toString()), environment, DISTRIBUTION,
                OUT.resolve("gateway.log")).awaitReady(() -> healthy(http, health), Duration.ofMinutes(3))) {
            BenchResults.Run run;
            try (ExchangeLoad load = new ExchangeLoad("tcp://127.0.0.1:" + brokerPort,
                    BenchTraffic.outbound(runId), SENDERS)) {
                run = measure("gateway outbound", gateway, load, WARM_UP, MESSAGES, results);
            }
            long handled = run.completed();
            if (INBOUND > 0) {
                results.inbound(measureInbound(brokerPort, gateway));
                handled += results.inbound().completed();
            }
            if (!SOAK.isZero()) {
                try (ExchangeLoad load = new ExchangeLoad("tcp://127.0.0.1:" + brokerPort,
                        BenchTraffic.outbound(runId + "-S"), SENDERS)) {
                    results.soak(soak(gateway, load, run.saturation().perSecond() / 2));
                    handled += load.completed();
                }
            }
            // Memory after every phase: the outbound load, the inbound one and the soak.
            return run.after(gateway.memory(0, handled));
        }
    }

    /** The most it sustains, then latency at half that rate, with memory before and after. */
    private static BenchResults.Run measure(String what, MonitoredProcess process, ExchangeLoad load, int warmUp,
                                            int measured, BenchResults results) throws Exception {
        print("  ready in %.2f s (pid %d)%n", process.readySeconds(), process.pid());
        MonitoredProcess.MemorySample before = process.memory(0, 0);
        ExchangeLoad.Saturation most = load.saturate(warmUp, measured, IN_FLIGHT, process);
        print("  %s: %,.1f msg/s sustained (%d in flight, %d measured after %d warm-up), %.2f CPU ms/msg, of which"
                + " %.2f the JIT compiler%n", what, most.perSecond(), IN_FLIGHT, measured, warmUp,
                most.cpuMillisPerMessage(), most.compilerCpuMillisPerMessage());
        double half = most.perSecond() / 2;
        ExchangeLoad.Paced paced = load.paced(half, PACED_WARM_UP, PACED, process);
        print("  at %.1f msg/s (half): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.2f CPU ms/msg%n",
                half, millis(paced, 50), millis(paced, 95), millis(paced, 99),
                paced.latencyMicros().getMaxValue() / 1000.0, paced.cpuMillisPerMessage());
        MonitoredProcess.MemorySample after = process.memory(0, load.completed());
        print("  heap %.0f -> %.0f MiB, resident %.0f -> %.0f MiB; %d sent, %d completed, %d failed; drained %s%n",
                before.heapUsedMiB(), after.heapUsedMiB(), before.residentMiB(), after.residentMiB(), load.sent(),
                load.completed(), load.failed(), load.drained());
        return new BenchResults.Run(what, process.readySeconds(), before, after, most, paced, load.sent(),
                load.completed(), load.failed(), load.drained());
    }

    private static BenchResults.Inbound measureInbound(int brokerPort, MonitoredProcess gateway) throws Exception {
        int warmUp = Math.max(1, INBOUND / 5);
        print("  making %d Europol envelopes (signed, encrypted for the gateway) before the inbound load...%n",
                warmUp + INBOUND);
        List<BenchTraffic.Envelope> envelopes = BenchTraffic.europolEnvelopes(warmUp + INBOUND);
        try (ExchangeLoad load = new ExchangeLoad("tcp://127.0.0.1:" + brokerPort,
                BenchTraffic.inbound(envelopes), SENDERS)) {
            ExchangeLoad.Saturation most = load.saturate(warmUp, INBOUND, IN_FLIGHT, gateway);
            print("  gateway inbound: %,.1f envelopes/s sustained with receipts, %.2f CPU ms/envelope; %d failed;"
                    + " drained %s%n", most.perSecond(), most.cpuMillisPerMessage(), load.failed(), load.drained());
            return new BenchResults.Inbound(most, load.sent(), load.completed(), load.failed(), load.drained());
        }
    }

    /** Half rate for the soak's duration, heap and resident memory sampled as it goes. */
    private static BenchResults.Soak soak(MonitoredProcess gateway, ExchangeLoad load, double rate)
            throws Exception {
        print("  soak: %s at %.1f msg/s, memory sampled every %s%n", SOAK, rate, SOAK_SAMPLE);
        List<MonitoredProcess.MemorySample> samples = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> samples.add(gateway.memory((System.nanoTime() - started) / 1e9,
                load.completed())), 0, SOAK_SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        ExchangeLoad.Paced paced;
        try {
            paced = load.paced(rate, Duration.ZERO, SOAK, gateway);
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.MINUTES);
        }
        samples.add(gateway.memory((System.nanoTime() - started) / 1e9, load.completed()));
        List<MonitoredProcess.MemorySample> ordered = new ArrayList<>(samples);
        ordered.sort(Comparator.comparingDouble(MonitoredProcess.MemorySample::atSeconds));
        BenchResults.Soak soak = new BenchResults.Soak(SOAK, rate, ordered, paced);
        print("  soak: resident %.0f -> %.0f MiB (%+.1f MiB per 10 min), heap %.0f -> %.0f MiB; p99 %.1f ms%n",
                ordered.get(0).residentMiB(), ordered.get(ordered.size() - 1).residentMiB(),
                soak.residentSlopeMiBPer10Minutes(), ordered.get(0).heapUsedMiB(),
                ordered.get(ordered.size() - 1).heapUsedMiB(), millis(paced, 99));
        return soak;
    }

    private static boolean healthy(HttpClient http, URI health) {
        try {
            return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The memory options bin/gateway gives the gateway's JVM, read from the script itself so that the relay runs
     * under exactly the same bounds.
     */
    static List<String> gatewayMemoryOptions() throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c",
                "eval \"$(grep '^HEAP_OPTS=' \"$0\")\" && printf '%s' \"$HEAP_OPTS\"",
                DISTRIBUTION.resolve("bin/gateway").toString()).redirectErrorStream(true).start();
        String options = new String(shell.getInputStream().readAllBytes()).trim();
        if (shell.waitFor() != 0 || options.isEmpty()) {
            throw new IllegalStateException("cannot read HEAP_OPTS from bin/gateway: " + options);
        }
        return List.of(options.split("\\s+"));
    }

    /** The harness's own class path (the test classpath), absolute: the relay runs in another directory. */
    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static double millis(ExchangeLoad.Paced paced, double percentile) {
        return paced.latencyMicros().getValueAtPercentile(percentile) / 1000.0;
    }

    private static Path fresh(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    private static Map<String, Object> settings() {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("messages", MESSAGES);
        s.put("warmUpMessages", WARM_UP);
        s.put("baselineMessages", BASELINE_MESSAGES);
        s.put("baselineWarmUpMessages", BASELINE_MESSAGES / 5);
        s.put("inFlight", IN_FLIGHT);
        s.put("senders", SENDERS);
        s.put("pacedMeasured", PACED.toString());
        s.put("pacedWarmUp", PACED_WARM_UP.toString());
        s.put("inboundEnvelopes", INBOUND);
        s.put("soak", SOAK.toString());
        s.put("reportBytes", BenchTraffic.outboundReportBytes());
        s.put("consumersPerAgencyQueue", CONSUMERS);
        s.put("broker", "embedded Artemis 2.55, persistent, NIO journal, the gateway's settings and directory");
        return s;
    }

    /** A -D setting; an empty value (as the POM passes one not given) means the default. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }
}
