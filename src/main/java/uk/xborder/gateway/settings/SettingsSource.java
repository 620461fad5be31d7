package uk.xborder.gateway.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Where every setting of the gateway is read, by the gateway and by the command-line tools alike: Camel's own
 * properties component, configured the way the gateway's Camel Main configures it. One key therefore gets one answer,
 * with one order of precedence:
 * <ol>
 * <li>an environment variable (the key in upper case, dots and dashes as underscores: {@code GATEWAY_DATA_DIR}),</li>
 * <li>a system property ({@code -Dgateway.data-dir=/srv/gw}),</li>
 * <li>the properties file named by the environment variable {@value #CONFIG_VARIABLE},</li>
 * <li>the packaged {@code application.properties}.</li>
 * </ol>
 * That environment variables come before system properties is Camel's rule (both in its "override" mode), kept so
 * that there is one rule, not a copy of it. (The gateway's tests add Camel Main's override properties above all
 * four.)
 *
 * <p>Relative paths in settings resolve against {@code gateway.home} when it is set (the distribution's scripts set
 * it to the distribution directory), otherwise against the working directory.
 */
public final class SettingsSource {

    /** The environment variable naming the operator's settings file. */
    public static final String CONFIG_VARIABLE = "GATEWAY_CONFIG";
    public static final String PACKAGED = "classpath:application.properties";
    public static final String HOME = "gateway.home";

    private final Function<String, Optional<String>> lookup;
    private final Path home;

    private SettingsSource(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
        String given = lookup.apply(HOME).map(String::trim).orElse("");
        this.home = given.isEmpty() ? Path.of("").toAbsolutePath() : Path.of(given).toAbsolutePath().normalize();
    }

    /** The settings a running gateway sees: its Camel context's properties component. */
    public static SettingsSource of(PropertiesComponent properties) {
        Objects.requireNonNull(properties, "properties");
        return new SettingsSource(properties::resolveProperty);
    }

    // Fixed values, for tests of the typed records.
    static SettingsSource of(Map<String, String> values) {
        return new SettingsSource(key -> Optional.ofNullable(values.get(key)));
    }

    /** The settings as the gateway would see them if it started now, in this process's environment. */
    public static SettingsSource standalone() {
        DefaultCamelContext context = new DefaultCamelContext(false);
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setLocation(locations(System.getenv()));
        context.build();
        return of(properties);
    }

    /**
     * The property locations, first wins: the operator's file when {@value #CONFIG_VARIABLE} names one, then the
     * packaged defaults. Camel Main is given the same list (see {@code GatewayApplication}).
     */
    public static String locations(Map<String, String> environment) {
        String operatorFile = environment.get(CONFIG_VARIABLE);
        List<String> locations = new ArrayList<>();
        if (operatorFile != null && !operatorFile.isBlank()) {
            locations.add("file:" + Path.of(operatorFile.trim()).toAbsolutePath());
        }
        locations.add(PACKAGED);
        return String.join(",", locations);
    }

    /** The directory that relative paths in settings resolve against. */
    public Path home() {
        return home;
    }

    /** The value, trimmed; empty when the key is not set anywhere or set to nothing. */
    public String text(String key) {
        return lookup.apply(key).map(String::trim).orElse("");
    }

    /** The value, which must be given. */
    public String required(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            throw new SettingsException(key, "must be given");
        }
        return value;
    }

    public boolean flag(String key, boolean fallback) {
        String value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new SettingsException(key, "must be true or false");
    }

    /** A whole number of at least {@code minimum}; {@code fallback} when not given. */
    public long number(String key, long fallback, long minimum) {
        String value = text(key);
        long number;
        try {
            number = value.isEmpty() ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SettingsException(key, "must be a whole number");
        }
        if (number < minimum) {
            throw new SettingsException(key, "must be at least " + minimum);
        }
        return number;
    }

    public int integer(String key, int fallback, int minimum) {
        long number = number(key, fallback, minimum);
        if (number > Integer.MAX_VALUE) {
            throw new SettingsException(key, "is too large");
        }
        return (int) number;
    }

    /** A comma-separated list of values, each trimmed; empty parts are left out, and so is an unset key. */
    public List<String> list(String key) {
        List<String> values = new ArrayList<>();
        for (String part : text(key).split(",")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return List.copyOf(values);
    }

    /** A path that must be given, resolved against {@link #home()}. */
    public Path path(String key) {
        return resolve(required(key));
    }

    /** A path, or empty when not given. */
    public Optional<Path> optionalPath(String key) {
        String value = text(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(resolve(value));
    }

    /** A comma-separated list of paths, each resolved against {@link #home()}. */
    public List<Path> paths(String key) {
        List<Path> paths = new ArrayList<>();
        for (String part : text(key).split(",")) {
            if (!part.isBlank()) {
                paths.add(resolve(part.trim()));
            }
        }
        return List.copyOf(paths);
    }

    /**
     * The secret named by {@code <prefix>-env} (an environment variable) or {@code <prefix>-file} (a file); it is
     * read only when used.
     */
    public SecretSetting secret(String prefix) {
        return new SecretSetting(prefix, text(prefix + "-env"), optionalPath(prefix + "-file").orElse(null));
    }

    private Path resolve(String value) {
        return home.resolve(value).normalize();
    }
}
