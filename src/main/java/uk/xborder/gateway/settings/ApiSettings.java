package uk.xborder.gateway.settings;

import java.nio.file.Path;

/**
 * The auditors' REST API ({@code gateway.api.*}) on Camel's HTTP server ({@code camel.server.host} and
 * {@code .port}, which also serves {@code /observe/health} and {@code /observe/metrics}).
 *
 * @param enabled   whether the API's routes are loaded and its beans bound ({@code gateway.api.enabled})
 * @param host      the interface the HTTP server listens on
 * @param port      its port
 * @param usersFile the API's users: names, roles and bcrypt hashes
 */
public record ApiSettings(boolean enabled, String host, int port, Path usersFile) {

    static ApiSettings from(SettingsSource source) {
        return new ApiSettings(
                source.flag("gateway.api.enabled", true),
                source.required("camel.server.host"),
                source.integer("camel.server.port", 8080, 1),
                source.path("gateway.api.users"));
    }

    /**
     * Where a client on this host reaches the HTTP server, e.g. {@code http://127.0.0.1:8080}; the audit API is under
     * {@code /api/audit}. A server listening on every interface is reached on the loopback.
     */
    public String baseUrl() {
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port;
    }
}
