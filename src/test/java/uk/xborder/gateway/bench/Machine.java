package uk.xborder.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the figures were measured on: they mean little without it. */
record Machine(int cores, String cpu, long memoryMiB, String java, String os, String loadAverageAtStart) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemoryMiB(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"), loadAverage());
    }

    String summary() {
        return String.format(Locale.ROOT, "%d cores (%s), %,d MiB, %s, load average %s", cores, cpu, memoryMiB,
                java, loadAverageAtStart);
    }

    /** The 1, 5 and 15 minute load averages: how busy the machine was with other work. */
    static String loadAverage() {
        String line = read("/proc/loadavg");
        String[] parts = line.trim().split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static long totalMemoryMiB() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(0L);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
