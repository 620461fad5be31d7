package uk.xborder.gateway.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files under {@code <data-dir>/spool} holding the bodies of messages too large to be read into memory, for as long
 * as the exchange that keeps them on a holding queue needs them: the body is streamed in as it arrives, and streamed
 * out to the holding queue. The files are readable by the gateway's user only (the directory 700, each file 600),
 * like the broker journal that will hold the same bytes, and are deleted when the exchange ends; any left by a crash
 * are deleted when the gateway starts.
 */
public final class BodySpool {

    private static final Logger LOG = LoggerFactory.getLogger(BodySpool.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String SUFFIX = ".body";

    private final Path directory;

    private BodySpool(Path directory) {
        this.directory = directory;
    }

    /** The spool under the data directory, created if need be, emptied of what an earlier run left. */
    public static BodySpool under(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.resolve("spool");
        if (posix()) {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        } else {
            Files.createDirectories(directory);
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : left) {
                Files.deleteIfExists(file);
                LOG.info("Deleted {}, a message body spooled before the gateway last stopped", file.getFileName());
            }
        }
        return new BodySpool(directory);
    }

    /** How a body is written: into the stream given, and only into it. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws Exception;
    }

    /**
     * A spooled body: the file, how many bytes it holds, their SHA-256 (hex), and whether the writer had more than
     * the file was allowed to hold (then the file holds only the first part).
     */
    public record Spooled(Path file, long length, String digest, boolean cut) {
    }

    /**
     * True when a body of this length may be spooled: it leaves at least as much free space as it takes, so that
     * a declared length, which the sender states, cannot fill the disk the broker journal is on.
     */
    public boolean hasRoomFor(long length) throws IOException {
        return length <= Files.getFileStore(directory).getUsableSpace() / 2;
    }

    /** Writes a body to a new file of the spool, never more than {@code maxBytes} of it. */
    public Spooled write(long maxBytes, BodyWriter writer) throws Exception {
        Path file = posix()
                ? Files.createTempFile(directory, "received-", SUFFIX, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(directory, "received-", SUFFIX);
        try {
            MessageDigest sha256 = sha256();
            BoundedOutputStream bounded;
            try (OutputStream out = Files.newOutputStream(file)) {
                bounded = new BoundedOutputStream(new DigestOutputStream(out, sha256), maxBytes);
                writer.writeTo(bounded);
                bounded.flush();
            }
            return new Spooled(file, bounded.written(), HexFormat.of().formatHex(sha256.digest()),
                    bounded.overflowed());
        } catch (Exception | Error e) {
            delete(file);
            throw e;
        }
    }

    /** Deletes a spooled file; a failure is logged, never thrown (the next start deletes what is left). */
    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the spooled body {}: {}", file.getFileName(), e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
