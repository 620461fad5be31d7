package uk.xborder.gateway.cli;

import uk.xborder.gateway.settings.SettingsSource;

/**
 * Raw settings for the command-line tools that still read keys one by one; new code uses the typed records of
 * {@code uk.xborder.gateway.settings.GatewaySettings.load()}. Both read through {@link SettingsSource}, so they
 * answer as the gateway does.
 */
final class GatewaySettings {

    private final SettingsSource source = SettingsSource.standalone();

    /** The value, or null when it is not set anywhere. */
    String get(String key) {
        String value = source.text(key);
        return value.isEmpty() ? null : value;
    }

    String getOrEmpty(String key) {
        return source.text(key);
    }
}
