package uk.xborder.gateway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The gateway's settings as the command-line tools see them, with the same precedence as the gateway: system
 * property, then environment variable ({@code GATEWAY_DATA_DIR} for {@code gateway.data-dir}), then the file named by
 * {@code GATEWAY_CONFIG}, then the packaged {@code application.properties}.
 */
final class GatewaySettings {

    private final Properties packaged = new Properties();
    private final Properties operator = new Properties();

    GatewaySettings() {
        try (InputStream in = GatewaySettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                packaged.load(in);
            }
            String file = System.getenv("GATEWAY_CONFIG");
            if (file != null && !file.isBlank()) {
                try (InputStream external = Files.newInputStream(Path.of(file))) {
                    operator.load(external);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway settings", e);
        }
    }

    /** The value, or null when it is not set anywhere. */
    String get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = operator.getProperty(key);
        }
        if (value == null) {
            value = packaged.getProperty(key);
        }
        return value == null ? null : value.trim();
    }

    String getOrEmpty(String key) {
        String value = get(key);
        return value == null ? "" : value;
    }
}
