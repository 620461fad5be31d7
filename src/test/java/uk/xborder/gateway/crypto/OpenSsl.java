package uk.xborder.gateway.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} binary, as a partner or auditor would. */
final class OpenSsl {

    private OpenSsl() {
    }

    record Result(int exitCode, String stdout, String stderr) {

        Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("openssl failed (exit " + exitCode + "): " + stderr);
            }
            return this;
        }
    }

    static Result run(Path workDir, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile(workDir, "openssl", ".out");
            Path err = Files.createTempFile(workDir, "openssl", ".err");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
