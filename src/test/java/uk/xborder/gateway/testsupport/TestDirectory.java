package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The example partner directory ({@code config/directory.yaml}) with edits, written where a test can point at it. */
public final class TestDirectory {

    private TestDirectory() {
    }

    /**
     * Writes {@code directory.yaml} into {@code folder}: the example directory with its certificate paths made
     * absolute and each key of {@code edits} replaced by its value. An edit that matches nothing fails.
     */
    public static Path write(Path folder, Map<String, String> edits) throws IOException {
        Path base = RunningGateway.projectDirectory();
        String yaml = Files.readString(base.resolve("config/directory.yaml"))
                .replace("../certs-example", base.resolve("certs-example").toString());
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            if (!yaml.contains(edit.getKey())) {
                throw new IllegalArgumentException("the example directory has no '" + edit.getKey() + "'");
            }
            yaml = yaml.replace(edit.getKey(), edit.getValue());
        }
        return Files.writeString(folder.resolve("directory.yaml"), yaml);
    }
}
