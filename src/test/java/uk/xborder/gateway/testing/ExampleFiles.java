package uk.xborder.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example and attack fixtures in the top-level {@code examples/} directory. */
public final class ExampleFiles {

    /** Example sub-directory and the format id its files are written in. */
    public enum Kind {
        POLICE_SCOTLAND("police-scotland", "police-scotland-ir-1"),
        UK_AGENCY("uk-agency", "uk-agency-5x5x5-1"),
        EUROPOL("europol", "europol-ie-1"),
        CANONICAL("canonical", "canonical-1");

        public final String directory;
        public final String formatId;

        Kind(String directory, String formatId) {
            this.directory = directory;
            this.formatId = formatId;
        }
    }

    /** One example file and the format it is written in. */
    public record Example(Kind kind, Path path) {
        public byte[] bytes() {
            return read(path);
        }

        @Override
        public String toString() {
            return kind.directory + "/" + path.getParent().getFileName() + "/" + path.getFileName();
        }
    }

    private ExampleFiles() {
    }

    public static Path root() {
        String basedir = System.getProperty("gateway.test.basedir", System.getProperty("user.dir"));
        return Path.of(basedir, "examples");
    }

    public static Stream<Example> valid() {
        return examples("valid");
    }

    public static Stream<Example> invalid() {
        return examples("invalid");
    }

    public static byte[] attack(String fileName) {
        return read(root().resolve("attacks").resolve(fileName));
    }

    public static byte[] file(String relativePath) {
        return read(root().resolve(relativePath));
    }

    private static Stream<Example> examples(String validity) {
        return Stream.of(Kind.values()).flatMap(kind -> list(root().resolve(kind.directory).resolve(validity))
                .stream().map(path -> new Example(kind, path)));
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
