package uk.xborder.gateway.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM the harness started and watches from outside, as an operator's tools would: its CPU time and resident memory
 * from {@code /proc/<pid>/}, its heap from {@code jcmd GC.heap_info}. Its output goes to a log file beside the
 * results. The process is the JVM itself (bin/gateway ends in {@code exec java}), so its figures are the JVM's own.
 */
final class MonitoredProcess implements AutoCloseable {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /** Linux reports CPU time in clock ticks; 100 a second on every kernel these machines run. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final String name;
    private final Process process;
    private final long startedNanos;
    private double readySeconds = Double.NaN;

    private MonitoredProcess(String name, Process process, long startedNanos) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts the command with the environment given added, its output written to {@code log}. */
    static MonitoredProcess start(String name, List<String> command, java.util.Map<String, String> environment,
                                  Path workingDirectory, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new MonitoredProcess(name, builder.start(), started);
    }

    /** Waits until the probe says ready; the time from the start is the cold start. */
    MonitoredProcess awaitReady(BooleanSupplier ready, Duration timeout) {
        // polled every 20 ms from the first instant, so the cold start is measured to within 20 ms
        await(name + " ready").atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .failFast(name + " stopped before it was ready; see its log", () -> !process.isAlive())
                .until(ready::getAsBoolean);
        readySeconds = (System.nanoTime() - startedNanos) / 1e9;
        return this;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    double readySeconds() {
        return readySeconds;
    }

    /** User plus system CPU time the process has used so far, in milliseconds (all its threads). */
    double cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of " + name, e);
        }
    }

    /**
     * CPU time the JIT compiler threads have used so far, in milliseconds: part of {@link #cpuMillis()}, and the part
     * that belongs to warming up rather than to the work. A phase whose compiler share is large was measured before
     * the JVM had settled. Threads named by HotSpot "C1 CompilerThread..." and "C2 CompilerThread..." (the kernel
     * keeps the first 15 characters).
     */
    double compilerCpuMillis() {
        Path tasks = Path.of("/proc", Long.toString(pid()), "task");
        double millis = 0;
        try (var threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                millis += compilerThreadMillis(task);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of " + name, e);
        }
        return millis;
    }

    private static double compilerThreadMillis(Path task) {
        String stat;
        try {
            stat = Files.readString(task.resolve("stat"));
        } catch (IOException ended) {
            // The thread ended between the listing and the read; what it used is no longer counted by the kernel.
            return 0;
        }
        String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!command.startsWith("C1 CompilerThre") && !command.startsWith("C2 CompilerThre")) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    /** Resident memory now, in MiB. */
    double residentMiB() {
        try {
            Matcher m = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid()), "status")));
            if (!m.find()) {
                throw new IllegalStateException("no VmRSS for " + name);
            }
            return Long.parseLong(m.group(1)) / 1024.0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of " + name, e);
        }
    }

    /** Heap in use now, in MiB: the sum of the generations' "used" as the JVM reports them. */
    double heapUsedMiB() {
        try {
            Process jcmd = new ProcessBuilder(jcmd(), Long.toString(pid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            long usedKib = 0;
            for (String line : output.split("\n")) {
                if (line.contains("Metaspace") || line.contains("class space")) {
                    continue;
                }
                Matcher m = USED.matcher(line);
                if (m.find() && (line.contains("generation") || line.contains("heap"))) {
                    usedKib += Long.parseLong(m.group(1));
                }
            }
            return usedKib / 1024.0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot ask " + name + " for its heap", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Heap and resident memory now. */
    MemorySample memory(double atSeconds, long messages) {
        return new MemorySample(atSeconds, messages, heapUsedMiB(), residentMiB());
    }

    private static String jcmd() {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }

    /** Kills it at once (SIGKILL, as kill -9 would) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks it to stop (SIGTERM, as Ctrl-C would) and waits; kills it if it does not. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** One sample of memory: when (seconds since the phase began), after how many messages, heap, resident. */
    record MemorySample(double atSeconds, long messages, double heapUsedMiB, double residentMiB) {
    }
}
