package uk.xborder.gateway.exchange;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.settings.SettingsException;
import uk.xborder.gateway.settings.StoreSettings;

/**
 * The exchange store's keys from its settings: the current key from {@code gateway.store.key-file} or
 * {@code gateway.store.key-env} (read through {@link Secret}), and the keys of earlier rotations from
 * {@code gateway.store.previous-key-files}. When no key is configured (the embedded default, so that one command
 * starts the gateway), a key is generated once into {@code <data-dir>/exchange-store.key}, readable by the
 * gateway's user only, and read from there afterwards; {@code startup.ExposureGuard} refuses that key for a
 * gateway others can reach or one on a shared database. Keys and their text are never logged.
 */
public final class StorageKeys {

    private static final Logger LOG = LoggerFactory.getLogger(StorageKeys.class);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private StorageKeys() {
    }

    /** The sealing of the settings' keys, generating the embedded default's key if it is not there yet. */
    public static ContentSealing load(StoreSettings settings) {
        StorageKey current = settings.generatesKey() ? generated(settings.generatedKeyFile()) : configured(settings);
        List<StorageKey> previous = new ArrayList<>();
        for (Path file : settings.previousKeyFiles()) {
            previous.add(fromFile(file, "gateway.store.previous-key-files"));
        }
        try {
            return ContentSealing.of(current, previous);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("gateway.store.previous-key-files", "lists " + e.getMessage()
                    + ": a previous key must differ from the current one and from each other");
        }
    }

    private static StorageKey configured(StoreSettings settings) {
        Secret text = settings.key().read().orElseThrow();
        String source = settings.key().environmentVariable().isEmpty()
                ? "gateway.store.key-file (" + settings.key().file() + ")"
                : "gateway.store.key-env (" + settings.key().environmentVariable() + ")";
        try {
            return StorageKey.fromBase64(text, source);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(settings.key().environmentVariable().isEmpty() ? "gateway.store.key-file"
                    : "gateway.store.key-env", "names no usable key: " + e.getMessage());
        } finally {
            text.destroy();
        }
    }

    static StorageKey fromFile(Path file, String setting) {
        Secret text;
        try {
            text = Secret.fromFile(file);
        } catch (IOException e) {
            throw new SettingsException(setting, "names " + file + ", which cannot be read (" + e.getMessage() + ")",
                    e);
        }
        try {
            return StorageKey.fromBase64(text, setting + " (" + file + ")");
        } catch (IllegalArgumentException e) {
            throw new SettingsException(setting, "names no usable key: " + e.getMessage());
        } finally {
            text.destroy();
        }
    }

    /** The key generated under the data directory: read if it is there, made (once, by one process) if not. */
    static StorageKey generated(Path file) {
        if (!Files.exists(file)) {
            StorageKey made = StorageKey.generate(new SecureRandom(), "the generated key " + file);
            try {
                write(file, made);
                LOG.info("Generated the exchange store's key in {} (key id {}), readable by this user only: no "
                        + "gateway.store.key-file or gateway.store.key-env is set", file, made.id());
                return made;
            } catch (FileAlreadyExistsException raced) {
                made.destroy();
                // another process of this data directory wrote it first: use that one
            } catch (IOException e) {
                made.destroy();
                throw new SettingsException("gateway.store.key-file", "is not set, and the key generated in its place "
                        + "could not be written to " + file + " (" + e.getMessage() + ")", e);
            }
        }
        return fromFile(file, "gateway.store.key-file (not set: the key generated in " + file + ")");
    }

    // Created with its permissions, so that the key is never readable by others, even for a moment.
    private static void write(Path file, StorageKey key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        char[] text = key.base64();
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes);
             Writer writer = Channels.newWriter(channel, StandardCharsets.US_ASCII)) {
            writer.write(text);
            writer.write('\n');
        } finally {
            Arrays.fill(text, '\0');
        }
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        }
    }
}
