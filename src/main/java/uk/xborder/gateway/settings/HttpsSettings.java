package uk.xborder.gateway.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTPS transport with mutual TLS ({@code gateway.https.*}): the gateway's inbound endpoint for partners'
 * envelopes, and the TLS identity it presents when it POSTs envelopes to partners whose endpoint is an https URL.
 *
 * <p>Decision: the inbound endpoint is off unless switched on, and listens on the loopback by default. A gateway
 * whose partners all use JMS needs no TLS key; one with an HTTPS partner, or with the endpoint on, must name one
 * (the gateway refuses to start otherwise, naming the setting).
 *
 * @param enabled        whether the inbound endpoint listens ({@code gateway.https.enabled}, default false)
 * @param host           the interface it listens on ({@code gateway.https.host}, default 127.0.0.1)
 * @param port           its port ({@code gateway.https.port}, default 8443), separate from the API's
 * @param identity       the TLS key and certificate (with chain) the endpoint presents ({@code gateway.https.certificate}
 *                       and {@code .key}, or {@code .pkcs12}, with {@code .password-env} / {@code .password-file});
 *                       empty when none is named
 * @param clientIdentity the TLS identity presented to partners when POSTing ({@code gateway.https.client.*}); by
 *                       default the same as {@code identity}
 * @param protocols      the TLS versions accepted both ways ({@code gateway.https.protocols}); only TLSv1.3 and
 *                       TLSv1.2 are allowed, anything older is refused as a setting
 * @param maxBodyBytes   larger envelopes are answered 413 ({@code gateway.https.max-body-bytes}, default 16 MiB:
 *                       room for a message at {@code gateway.max-message-bytes} encrypted and base64-encoded)
 * @param connectTimeout how long a POST to a partner may take to connect ({@code gateway.https.connect-timeout-ms})
 * @param requestTimeout how long it may wait for the partner's answer ({@code gateway.https.timeout-ms})
 */
public record HttpsSettings(boolean enabled, String host, int port, Optional<IdentitySettings> identity,
                            Optional<IdentitySettings> clientIdentity, List<String> protocols, long maxBodyBytes,
                            Duration connectTimeout, Duration requestTimeout) {

    /** The TLS versions the gateway will speak, newest first. */
    public static final Set<String> ALLOWED_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    static final String PREFIX = "gateway.https";

    public HttpsSettings {
        protocols = List.copyOf(protocols);
    }

    static HttpsSettings from(SettingsSource source) {
        Optional<IdentitySettings> identity = identity(source, PREFIX);
        Optional<IdentitySettings> client = identity(source, PREFIX + ".client");
        return new HttpsSettings(
                source.flag(PREFIX + ".enabled", false),
                source.text(PREFIX + ".host").isEmpty() ? "127.0.0.1" : source.text(PREFIX + ".host"),
                source.integer(PREFIX + ".port", 8443, 1),
                identity,
                client.isPresent() ? client : identity,
                protocols(source, PREFIX + ".protocols"),
                source.number(PREFIX + ".max-body-bytes", 16L * 1024 * 1024, 1024),
                Duration.ofMillis(source.number(PREFIX + ".connect-timeout-ms", 5_000, 1)),
                Duration.ofMillis(source.number(PREFIX + ".timeout-ms", 30_000, 1)));
    }

    /** The endpoint's identity, which must be named when it is needed. */
    public IdentitySettings requireIdentity() {
        return identity.orElseThrow(() -> new SettingsException(PREFIX + ".certificate",
                "(or " + PREFIX + ".pkcs12) must name the TLS certificate of the inbound HTTPS endpoint"));
    }

    /** The identity presented to HTTPS partners, which must be named when there is one. */
    public IdentitySettings requireClientIdentity() {
        return clientIdentity.orElseThrow(() -> new SettingsException(PREFIX + ".certificate",
                "(or " + PREFIX + ".client.certificate) must name the TLS certificate presented to partners"
                        + " reached over HTTPS"));
    }

    // An identity is named by its certificate or keystore; an empty one means none.
    private static Optional<IdentitySettings> identity(SettingsSource source, String prefix) {
        if (source.text(prefix + ".certificate").isEmpty() && source.text(prefix + ".pkcs12").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(IdentitySettings.from(source, prefix));
    }

    private static List<String> protocols(SettingsSource source, String key) {
        String given = source.text(key);
        List<String> protocols = new ArrayList<>();
        for (String part : (given.isEmpty() ? "TLSv1.3,TLSv1.2" : given).split(",")) {
            String protocol = part.trim();
            if (protocol.isEmpty()) {
                continue;
            }
            if (!ALLOWED_PROTOCOLS.contains(protocol)) {
                throw new SettingsException(key, "names " + protocol + "; only TLSv1.3 and TLSv1.2 are accepted");
            }
            if (!protocols.contains(protocol)) {
                protocols.add(protocol);
            }
        }
        if (protocols.isEmpty()) {
            throw new SettingsException(key, "must name TLSv1.3, TLSv1.2 or both");
        }
        return protocols;
    }
}
