package uk.xborder.gateway.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The exchange store ({@code gateway.store.*}): the key that seals what is kept to replay an exchange, the keys of
 * earlier rotations still accepted for reading, how long that content is kept, and the name this node records on
 * what it writes.
 *
 * @param key              the storage key, base64 of 32 bytes: {@code gateway.store.key-file} or
 *                         {@code gateway.store.key-env}; neither: a key generated in {@link #generatedKeyFile()}
 * @param previousKeyFiles keys of earlier rotations, still accepted to open content sealed under them
 *                         ({@code gateway.store.previous-key-files}, comma-separated)
 * @param generatedKeyFile where the key is generated and kept when none is configured (the embedded default)
 * @param retentionDays    stored content is erased this many days after its exchange last changed
 *                         ({@code gateway.store.retention-days}, default 30)
 * @param retentionCheckEvery how often each node looks for content to erase ({@code gateway.store.retention-check-every},
 *                         a Camel duration, default 1h)
 * @param node             the name this node records on exchanges and attempts ({@code gateway.store.node}, default
 *                         the host's name)
 */
public record StoreSettings(SecretSetting key, List<Path> previousKeyFiles, Path generatedKeyFile, int retentionDays,
                            Duration retentionCheckEvery, String node) {

    /** The file name of a generated key, under the data directory. */
    public static final String GENERATED_KEY_FILE = "exchange-store.key";
    static final String RETENTION_CHECK_EVERY = "gateway.store.retention-check-every";

    public StoreSettings {
        previousKeyFiles = List.copyOf(previousKeyFiles);
    }

    static StoreSettings from(SettingsSource source, Path dataDir) {
        String node = source.text("gateway.store.node");
        return new StoreSettings(source.secret("gateway.store.key"), source.paths("gateway.store.previous-key-files"),
                dataDir.resolve(GENERATED_KEY_FILE), source.integer("gateway.store.retention-days", 30, 1),
                CamelDurations.positive(source, RETENTION_CHECK_EVERY, Duration.ofHours(1)),
                node.isEmpty() ? hostName() : node);
    }

    /** True when no key is configured, so the gateway generates one under the data directory (or uses the one it did). */
    public boolean generatesKey() {
        return !key.isGiven();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
