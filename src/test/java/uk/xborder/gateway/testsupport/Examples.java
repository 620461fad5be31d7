package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The example and attack fixtures in the top-level {@code examples/} directory: every valid or invalid example with
 * the format it is written in, single files by path, and an example message with the edits a test needs (a fresh
 * message id, another marking, a grade with no safe mapping...). Edits are textual and checked: an edit that matches
 * nothing fails the test.
 */
public final class Examples {

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
            return readBytes(path);
        }

        @Override
        public String toString() {
            return kind.directory + "/" + path.getParent().getFileName() + "/" + path.getFileName();
        }
    }

    private String xml;

    public Examples(String xml) {
        this.xml = xml;
    }

    public static Path root() {
        return RunningGateway.projectDirectory().resolve("examples");
    }

    public static Stream<Example> valid() {
        return examples("valid");
    }

    public static Stream<Example> invalid() {
        return examples("invalid");
    }

    public static byte[] attack(String fileName) {
        return readBytes(root().resolve("attacks").resolve(fileName));
    }

    public static byte[] file(String relativePath) {
        return readBytes(root().resolve(relativePath));
    }

    public static String read(String relativePath) {
        return new String(file(relativePath), StandardCharsets.UTF_8);
    }

    /** The Police Scotland report for europol, spoc-ie and nca: OFFICIAL-SENSITIVE, handling P, legal basis given. */
    public static Examples policeScotlandReport() {
        return new Examples(read("police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml"));
    }

    /** The NCA 5x5x5 intelligence log for police-scotland and europol. */
    public static Examples ncaLog() {
        return new Examples(read("uk-agency/valid/nca-log-firearms-police-scotland-europol.xml"));
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** Replaces the first match of the pattern's group 1 with the value. */
    public Examples replace(String regex, String value) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(xml);
        if (!matcher.find()) {
            throw new IllegalArgumentException("example has nothing matching " + regex);
        }
        xml = xml.substring(0, matcher.start(1)) + value + xml.substring(matcher.end(1));
        return this;
    }

    /** Removes the first match of the whole pattern. */
    public Examples remove(String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(xml);
        if (!matcher.find()) {
            throw new IllegalArgumentException("example has nothing matching " + regex);
        }
        xml = xml.substring(0, matcher.start()) + xml.substring(matcher.end());
        return this;
    }

    public String xml() {
        return xml;
    }

    public byte[] bytes() {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    public Path writeTo(Path file) throws IOException {
        return Files.writeString(file, xml, StandardCharsets.UTF_8);
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

    private static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
