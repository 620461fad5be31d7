package uk.xborder.gateway.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.testsupport.SettableClock;
import uk.xborder.gateway.testsupport.TestCa;

/**
 * The expiry warning: a certificate that expires within the warning period is logged as a WARN at each check and
 * counted in the metrics, whose days-left gauge follows the clock between checks; one further off is not.
 */
class CertificateExpiryTest {

    // Whole seconds, as certificate times are, so that days left come out whole.
    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CertificateExpiry expiry = new CertificateExpiry(Duration.ofDays(30), clock, registry);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CertificateExpiry.class);
    private TestCa ca;

    @BeforeEach
    void setUp() throws Exception {
        log.start();
        logger.addAppender(log);
        ca = TestCa.create("expiry-test-ca", clock.instant().minus(Duration.ofDays(365)),
                clock.instant().plus(Duration.ofDays(3650)));
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
        expiry.close();
    }

    @Test
    void aCertificateExpiringInTenDaysIsWarnedOfAndCounted() throws Exception {
        expiry.watch("hmrc", CertificateExpiry.PARTNER_USE, certificateExpiringIn(Duration.ofDays(10)));
        expiry.watch(CertificateExpiry.GATEWAY, "signing", certificateExpiringIn(Duration.ofDays(400)));

        assertThat(expiry.check()).extracting(CertificateExpiry.Watched::party).containsExactly("hmrc");

        assertThat(log.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel().toString()).isEqualTo("WARN");
            assertThat(line.getFormattedMessage()).contains("partner certificate of 'hmrc'")
                    .contains("CN=hmrc").contains("serial").contains("in 10 days").doesNotContain("BEGIN");
        });
        assertThat(daysLeft("hmrc", "partner")).isCloseTo(10.0, within(0.01));
        assertThat(daysLeft("gateway", "signing")).isCloseTo(400.0, within(0.01));
        assertThat(registry.get(CertificateExpiry.EXPIRING_SOON).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void theGaugesFollowTheClockAndAnExpiredCertificateIsWarnedOfToo() throws Exception {
        expiry.watch("hmrc", CertificateExpiry.PARTNER_USE, certificateExpiringIn(Duration.ofDays(10)));
        expiry.watch(CertificateExpiry.GATEWAY, "audit", certificateExpiringIn(Duration.ofDays(45)));
        assertThat(registry.get(CertificateExpiry.EXPIRING_SOON).gauge().value()).isEqualTo(1.0);

        clock.advance(Duration.ofDays(20));

        assertThat(daysLeft("hmrc", "partner")).isCloseTo(-10.0, within(0.01));
        assertThat(daysLeft("gateway", "audit")).isCloseTo(25.0, within(0.01));
        assertThat(registry.get(CertificateExpiry.EXPIRING_SOON).gauge().value()).isEqualTo(2.0);
        assertThat(expiry.check()).hasSize(2);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("'hmrc'").contains("expired on"))
                .anySatisfy(line -> assertThat(line).contains("audit certificate of 'gateway'").contains("in 25 days"));
    }

    @Test
    void nothingWithinTheWarningPeriodLogsNothing() throws Exception {
        expiry.watch("europol", CertificateExpiry.PARTNER_USE, certificateExpiringIn(Duration.ofDays(31)));

        assertThat(expiry.check()).isEmpty();
        assertThat(log.list).isEmpty();
        assertThat(registry.get(CertificateExpiry.EXPIRING_SOON).gauge().value()).isZero();
    }

    @Test
    void aCertificateIsWatchedOnceAndItsMetersGoOnClose() throws Exception {
        X509Certificate certificate = certificateExpiringIn(Duration.ofDays(10));
        expiry.watch("hmrc", CertificateExpiry.PARTNER_USE, certificate);

        assertThatThrownBy(() -> expiry.watch("hmrc", CertificateExpiry.PARTNER_USE, certificate))
                .isInstanceOf(IllegalArgumentException.class);
        expiry.close();
        assertThat(registry.find(CertificateExpiry.DAYS_LEFT).gauges()).isEmpty();
        assertThat(registry.find(CertificateExpiry.EXPIRING_SOON).gauges()).isEmpty();
    }

    private X509Certificate certificateExpiringIn(Duration left) throws Exception {
        Instant now = clock.instant();
        return ca.issue("hmrc", now.minus(Duration.ofDays(300)), now.plus(left), TestCa.EC_PARTY_USAGE);
    }

    private double daysLeft(String party, String use) {
        return registry.get(CertificateExpiry.DAYS_LEFT).tag("party", party).tag("use", use).gauge().value();
    }
}
