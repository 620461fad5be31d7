package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the files under a directory that hold a text in clear (its UTF-8 bytes, anywhere in the file). */
public final class FilesInClear {

    private FilesInClear() {
    }

    public static List<Path> containing(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (contains(Files.readAllBytes(file), needle)) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    /** Only the broker's journal may hold it: a message on a queue is the broker's until it is taken. */
    public static List<Path> outsideTheBrokerJournal(Path dataDirectory, String text) throws IOException {
        return containing(dataDirectory, text).stream()
                .filter(file -> !dataDirectory.relativize(file).startsWith("broker")).toList();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
