package uk.xborder.gateway.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import uk.xborder.gateway.crypto.Secret;

/**
 * Where a password comes from: an environment variable ({@code <setting>-env}) or a file ({@code <setting>-file},
 * e.g. a container secret), never the settings themselves. It is read when used, so that a tool that does not need
 * it does not need it set; once named, it must be there.
 *
 * @param setting             the settings prefix, e.g. {@code gateway.broker.password}
 * @param environmentVariable the variable's name; empty for none
 * @param file                the file; null for none
 */
public record SecretSetting(String setting, String environmentVariable, Path file) {

    public SecretSetting {
        environmentVariable = environmentVariable == null ? "" : environmentVariable.trim();
        if (!environmentVariable.isEmpty() && file != null) {
            throw new SettingsException(setting + "-env", "and " + setting + "-file are both given: name one");
        }
    }

    /** No secret. */
    public static SecretSetting none(String setting) {
        return new SecretSetting(setting, "", null);
    }

    public boolean isGiven() {
        return !environmentVariable.isEmpty() || file != null;
    }

    /** The secret, or empty when none is named. */
    public Optional<Secret> read() {
        return read(System.getenv());
    }

    // The environment as a parameter so tests need not change the real one.
    Optional<Secret> read(Map<String, String> environment) {
        if (!environmentVariable.isEmpty()) {
            String value = environment.get(environmentVariable);
            if (value == null || value.isEmpty()) {
                throw new SettingsException(setting + "-env", "names environment variable " + environmentVariable
                        + ", which is " + (value == null ? "not set" : "empty"));
            }
            return Optional.of(Secret.of(value.toCharArray()));
        }
        if (file != null) {
            try {
                return Optional.of(Secret.fromFile(file));
            } catch (IOException e) {
                throw new SettingsException(setting + "-file", "names " + file + ", which cannot be read ("
                        + e.getMessage() + ")", e);
            }
        }
        return Optional.empty();
    }

    /** The secret, which this setting must name. */
    public Secret require() {
        return read().orElseThrow(() -> new SettingsException(setting + "-env",
                "or " + setting + "-file must name where the password is"));
    }

    @Override
    public String toString() {
        return "SecretSetting[" + setting + (environmentVariable.isEmpty() ? "" : ", env " + environmentVariable)
                + (file == null ? "" : ", file " + file) + "]";
    }
}
