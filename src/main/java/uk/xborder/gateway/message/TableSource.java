package uk.xborder.gateway.message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the table files come from: the {@code tables/} folder packaged in the jar, or a directory (tests, or an
 * operator trying out an edited table before it is released). Errors name the file as this source shows it.
 */
abstract class TableSource {

    /** Tables are a few kilobytes; anything far larger is not a table and is refused rather than read. */
    static final int MAX_BYTES = 1 << 20;

    abstract String describe(String fileName);

    abstract byte[] read(String fileName);

    static TableSource classpath() {
        return new TableSource() {
            @Override
            String describe(String fileName) {
                return "classpath:tables/" + fileName;
            }

            @Override
            byte[] read(String fileName) {
                ClassLoader loader = TableSource.class.getClassLoader();
                try (InputStream in = loader.getResourceAsStream("tables/" + fileName)) {
                    if (in == null) {
                        throw new InvalidTableException(describe(fileName), 0, "table file not found");
                    }
                    return limited(describe(fileName), in.readNBytes(MAX_BYTES + 1));
                } catch (IOException e) {
                    throw new InvalidTableException(describe(fileName), 0, "cannot be read: " + e.getMessage());
                }
            }
        };
    }

    static TableSource directory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return new TableSource() {
            @Override
            String describe(String fileName) {
                return dir.resolve(fileName).toString();
            }

            @Override
            byte[] read(String fileName) {
                Path file = dir.resolve(fileName);
                try {
                    if (Files.size(file) > MAX_BYTES) {
                        throw new InvalidTableException(describe(fileName), 0, "larger than " + MAX_BYTES + " bytes");
                    }
                    return Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    throw new InvalidTableException(describe(fileName), 0, "table file not found");
                } catch (IOException e) {
                    throw new InvalidTableException(describe(fileName), 0, "cannot be read: " + e.getMessage());
                }
            }
        };
    }

    private static byte[] limited(String file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidTableException(file, 0, "larger than " + MAX_BYTES + " bytes");
        }
        return bytes;
    }
}
