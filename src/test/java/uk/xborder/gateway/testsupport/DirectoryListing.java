package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a directory holds now (nothing when it does not exist). */
public final class DirectoryListing {

    private DirectoryListing() {
    }

    public static List<Path> of(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.toList();
        }
    }
}
