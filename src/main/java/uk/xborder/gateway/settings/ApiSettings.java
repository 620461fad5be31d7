package uk.xborder.gateway.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import uk.xborder.gateway.api.LoginLimits;

/**
 * The auditors' REST API ({@code gateway.api.*}) on Camel's HTTP server ({@code camel.server.host} and
 * {@code .port}, which also serves {@code /observe/health} and {@code /observe/metrics}).
 *
 * @param enabled   whether the API's routes are loaded and its beans bound ({@code gateway.api.enabled})
 * @param host      the interface the HTTP server listens on
 * @param port      its port
 * @param usersFile the API's users: names, roles and bcrypt hashes
 * @param tls       the TLS certificate (with chain) and key the HTTP server presents ({@code gateway.api.tls.certificate}
 *                  and {@code .key}, or {@code .pkcs12}, with {@code .password-env} / {@code .password-file}); empty
 *                  for plain HTTP, which the gateway allows on the loopback only
 * @param trust     the CA certificates (PEM) the command-line tools trust for that certificate
 *                  ({@code gateway.api.trust}); empty: the JVM's own trust store
 * @param login     the limits on failed logins and how long a successful one is remembered
 *                  ({@code gateway.api.login.*}, {@code gateway.api.credential-cache})
 */
public record ApiSettings(boolean enabled, String host, int port, Path usersFile, Optional<IdentitySettings> tls,
                          List<Path> trust, LoginLimits login) {

    static final String TLS = "gateway.api.tls";

    public ApiSettings {
        trust = List.copyOf(trust);
    }

    /** Plain HTTP, default limits. */
    public ApiSettings(boolean enabled, String host, int port, Path usersFile) {
        this(enabled, host, port, usersFile, Optional.empty(), List.of(), LoginLimits.DEFAULT);
    }

    static ApiSettings from(SettingsSource source) {
        LoginLimits defaults = LoginLimits.DEFAULT;
        Optional<IdentitySettings> tls = source.text(TLS + ".certificate").isEmpty()
                && source.text(TLS + ".pkcs12").isEmpty() ? Optional.empty()
                : Optional.of(IdentitySettings.from(source, TLS));
        LoginLimits login;
        try {
            login = new LoginLimits(
                    source.integer("gateway.api.login.max-failures-per-user", defaults.failuresPerUser(), 1),
                    source.integer("gateway.api.login.max-failures-per-address", defaults.failuresPerAddress(), 1),
                    duration(source, "gateway.api.login.window", defaults.window(), false),
                    duration(source, "gateway.api.login.lockout", defaults.lockout(), false),
                    duration(source, "gateway.api.credential-cache", defaults.credentialCache(), true));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("gateway.api.login.*", e.getMessage());
        }
        return new ApiSettings(
                source.flag("gateway.api.enabled", true),
                source.required("camel.server.host"),
                source.integer("camel.server.port", 8080, 1),
                source.path("gateway.api.users"),
                tls,
                source.paths("gateway.api.trust"),
                login);
    }

    /**
     * Where a client on this host reaches the HTTP server, e.g. {@code http://127.0.0.1:8080}, or {@code https://}
     * when it serves TLS; the audit API is under {@code /api/audit}. A server listening on every interface is reached
     * on the loopback, by name when it serves TLS, since its certificate names hosts rather than addresses more often.
     */
    public String baseUrl() {
        boolean everywhere = host.equals("0.0.0.0") || host.equals("::");
        String reachable = everywhere ? (tls.isPresent() ? "localhost" : "127.0.0.1") : host;
        return (tls.isPresent() ? "https" : "http") + "://"
                + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port;
    }

    // An ISO-8601 duration such as PT15M.
    private static Duration duration(SettingsSource source, String key, Duration fallback, boolean zeroAllowed) {
        String value = source.text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new SettingsException(key, "must be an ISO-8601 duration such as PT15M");
        }
        if (duration.isNegative() || (duration.isZero() && !zeroAllowed)) {
            throw new SettingsException(key, zeroAllowed ? "must not be negative" : "must be a positive duration");
        }
        return duration;
    }
}
