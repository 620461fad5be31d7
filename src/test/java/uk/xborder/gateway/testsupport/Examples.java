package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example messages in {@code examples/}, with the edits a test needs (a fresh message id, another marking, a
 * grade with no safe mapping...). Edits are textual and checked: an edit that matches nothing fails the test.
 */
public final class Examples {

    private String xml;

    public Examples(String xml) {
        this.xml = xml;
    }

    public static String read(String relativePath) {
        try {
            return Files.readString(RunningGateway.projectDirectory().resolve("examples").resolve(relativePath),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
