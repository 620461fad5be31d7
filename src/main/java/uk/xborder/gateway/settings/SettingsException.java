package uk.xborder.gateway.settings;

/**
 * A setting that is missing, malformed, or names a secret that cannot be read: a start-up error. The message names
 * the setting (and the environment variable or file it points to), never a value that could be a secret.
 */
public final class SettingsException extends IllegalStateException {

    private final String setting;

    public SettingsException(String setting, String problem) {
        super("setting " + setting + " " + problem);
        this.setting = setting;
    }

    public SettingsException(String setting, String problem, Throwable cause) {
        super("setting " + setting + " " + problem, cause);
        this.setting = setting;
    }

    /** The key of the setting at fault, e.g. {@code gateway.broker.password-env}. */
    public String setting() {
        return setting;
    }
}
