package uk.xborder.gateway.cli.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tools' reading and writing of the user's own files: a file that cannot be used is a mistake in the command. */
public final class LocalFiles {

    private LocalFiles() {
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ToolFailure(ExitCode.USAGE, "cannot read " + file);
        }
    }

    public static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new ToolFailure(ExitCode.USAGE, "cannot write " + file);
        }
    }

    /** Refuses, before anything is asked of a server, an output file that could not be written. */
    public static void requireWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new ToolFailure(ExitCode.USAGE, "cannot write " + file + ": no such writable directory");
        }
    }
}
