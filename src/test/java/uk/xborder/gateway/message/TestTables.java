package uk.xborder.gateway.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the real tables and the bad-table fixtures are, for tests. */
final class TestTables {

    private TestTables() {
    }

    /** The project's top-level tables/ (surefire sets gateway.test.basedir; an IDE runs in the project root). */
    static Path realDir() {
        return Path.of(System.getProperty("gateway.test.basedir", ".")).resolve("tables");
    }

    static Path badFixture(String name) {
        return Path.of(System.getProperty("gateway.test.basedir", "."))
                .resolve("src/test/resources/tables-bad").resolve(name);
    }

    /**
     * A copy of the real tables with the fixture's file(s) laid over them, so that each fixture holds only the file
     * it breaks and the broken row is the only fault in the set.
     */
    static Path withFixture(String name, Path workDir) {
        try {
            copyAll(realDir(), workDir);
            copyAll(badFixture(name), workDir);
            return workDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyAll(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IOException("no fixture directory " + from);
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
