package uk.xborder.gateway.certificates;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.crypto.Certificates;

/**
 * Warns ahead of the expiry of every certificate the gateway relies on: each partner's, and its own (signing
 * identity, audit key, TLS). {@link #check()}, run at start-up and then periodically
 * ({@code routes/certificates.camel.yaml}), logs a WARN for each that expires within the warning period or has
 * expired. The gauges are read at each scrape, so they are current between checks:
 * {@value #DAYS_LEFT}{@code {party,use}} (days until the certificate's notAfter, fractional, negative once expired) and
 * {@value #EXPIRING_SOON} (how many expire within the warning period, the expired included).
 *
 * <p>Thread-safe. Meters are removed on {@link #close()}.
 */
public final class CertificateExpiry implements AutoCloseable {

    public static final String DAYS_LEFT = "gateway.certificate.expiry.days";
    public static final String EXPIRING_SOON = "gateway.certificates.expiring.soon";
    /** The {@code party} of the gateway's own certificates. */
    public static final String GATEWAY = "gateway";
    /** The {@code use} of a partner's certificate (encryption to it and its signatures). */
    public static final String PARTNER_USE = "partner";

    private static final Logger LOG = LoggerFactory.getLogger(CertificateExpiry.class);
    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    /** One certificate watched: whose it is and what for. */
    public record Watched(String party, String use, X509Certificate certificate) {

        public Instant notAfter() {
            return certificate.getNotAfter().toInstant();
        }
    }

    private final Duration warning;
    private final Clock clock;
    private final MeterRegistry registry;
    private final List<Watched> watched = new CopyOnWriteArrayList<>();
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    /** @param warning a certificate that expires within this time is warned of */
    public CertificateExpiry(Duration warning, Clock clock, MeterRegistry registry) {
        this.warning = Objects.requireNonNull(warning, "warning");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = Objects.requireNonNull(registry, "registry");
        meters.add(Gauge.builder(EXPIRING_SOON, this, watch -> watch.expiringSoon().size())
                .description("Certificates the gateway relies on that expire within the warning period"
                        + " (gateway.certificates.expiry-warning-days) or have expired")
                .strongReference(true)
                .register(registry));
    }

    /**
     * Watches a certificate from now on.
     *
     * @param party whose it is: a partner id, or {@code gateway} for the gateway's own
     * @param use   what it is for: {@value #PARTNER_USE} for a partner's, {@code signing}, {@code audit} or
     *              {@code tls} for the gateway's own
     * @throws IllegalArgumentException the same party and use are watched already
     */
    public void watch(String party, String use, X509Certificate certificate) {
        Watched entry = new Watched(Objects.requireNonNull(party, "party"), Objects.requireNonNull(use, "use"),
                Objects.requireNonNull(certificate, "certificate"));
        for (Watched existing : watched) {
            if (existing.party().equals(party) && existing.use().equals(use)) {
                throw new IllegalArgumentException("the " + use + " certificate of '" + party
                        + "' is watched already");
            }
        }
        watched.add(entry);
        meters.add(Gauge.builder(DAYS_LEFT, entry, this::daysLeft)
                .description("Days until the certificate expires (negative once it has)")
                .tag("party", party).tag("use", use)
                .strongReference(true)
                .register(registry));
    }

    /** The certificates that expire within the warning period, or have expired, now. */
    public List<Watched> expiringSoon() {
        Instant horizon = clock.instant().plus(warning);
        List<Watched> soon = new ArrayList<>();
        for (Watched entry : watched) {
            if (entry.notAfter().isBefore(horizon)) {
                soon.add(entry);
            }
        }
        return soon;
    }

    /**
     * Logs a WARN for each certificate that expires within the warning period or has expired, naming its party, use,
     * subject, serial number and expiry (never key material).
     *
     * @return those certificates
     */
    public List<Watched> check() {
        Instant now = clock.instant();
        List<Watched> soon = expiringSoon();
        for (Watched entry : soon) {
            String which = "The " + entry.use() + " certificate of '" + entry.party() + "' "
                    + Certificates.describeCertificate(entry.certificate());
            if (entry.notAfter().isAfter(now)) {
                LOG.warn("{} expires on {}, in {}: replace it before then", which, entry.notAfter(),
                        inWords(Duration.between(now, entry.notAfter())));
            } else {
                LOG.warn("{} expired on {}: replace it", which, entry.notAfter());
            }
        }
        return soon;
    }

    /** "10 days", "1 day", "5 hours": rounded, since certificate times are whole seconds and clocks are not. */
    private static String inWords(Duration left) {
        long hours = Math.round(left.toSeconds() / 3600.0);
        if (hours < 24) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        long days = Math.round(hours / 24.0);
        return days == 1 ? "1 day" : days + " days";
    }

    private double daysLeft(Watched entry) {
        return Duration.between(clock.instant(), entry.notAfter()).toSeconds() / SECONDS_PER_DAY;
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
