package uk.xborder.gateway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;

/** One run of a command-line tool: its exit code and what it wrote, in-process or in a JVM of its own. */
record ToolRun(int exitCode, String out, String err) {

    /** Runs the tool in this JVM, as {@code main} would, with its output captured. */
    static ToolRun of(CommandLine tool, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        tool.setOut(new PrintWriter(out, true));
        tool.setErr(new PrintWriter(err, true));
        int code = tool.execute(args);
        return new ToolRun(code, out.toString(), err.toString());
    }

    /** Runs the tool's main class in a new JVM on this test's class path, with extra environment variables. */
    static ToolRun inAnotherJvm(Class<?> mainClass, Map<String, String> environment, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Path err = java.nio.file.Files.createTempFile("tool-err", ".txt");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " did not end within 60 s");
        }
        String errors = java.nio.file.Files.readString(err);
        java.nio.file.Files.delete(err);
        return new ToolRun(process.exitValue(), out, errors);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
