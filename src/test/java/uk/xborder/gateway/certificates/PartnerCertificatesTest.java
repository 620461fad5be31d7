package uk.xborder.gateway.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.crypto.CertificatePurpose;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.SettableClock;
import uk.xborder.gateway.testsupport.TestCa;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * Partner certificates judged as the gateway judges them, against the example PKI and certificates a test CA makes:
 * each way a certificate can fail has its own reason code, a certificate that expires or is revoked while the gateway
 * runs is caught at its next check, and the start-up report names each failing partner once, without key material.
 */
class PartnerCertificatesTest {

    private static final MarkingTable MARKINGS = MarkingTable.loadDefault();
    private static final Path CERTS = RunningGateway.projectDirectory().resolve("certs-example");
    private static final EnumSet<CertificatePurpose> ALL = EnumSet.allOf(CertificatePurpose.class);

    @TempDir
    Path dir;

    private PartyDirectory directory;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PartnerCertificates.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void everyShippedPartnerIsFitForEncryptionAndSignatures() throws Exception {
        PartnerCertificates certificates = checker(load(TestDirectory.shipped()), Clock.systemUTC());

        for (String partner : List.of("europol", "spoc-ie", "nca", "police-scotland")) {
            assertThat(certificates.check(partner(partner), ALL).usable()).as(partner).isTrue();
        }
        assertThat(certificates.reportAtStartUp()).isEmpty();
        assertThat(log.list).isEmpty();
    }

    @ParameterizedTest(name = "{0} with the certificate of {1}: {2}")
    @CsvSource({
            "nca, expired, PARTNER_CERTIFICATE_EXPIRED, expired on",
            "nca, revoked, PARTNER_CERTIFICATE_REVOKED, revoked",
            "spoc-ie, police-scotland, PARTNER_CERTIFICATE_UNTRUSTED, does not chain to a trusted CA",
            "nca, audit, PARTNER_CERTIFICATE_INVALID, keyAgreement"})
    void aCertificateThatFailsRefusesItsPartnerWithItsOwnReason(String partner, String certificateOf,
                                                                 ReasonCode reason, String words) throws Exception {
        PartnerCertificates certificates = checker(load(TestDirectory.shipped().certificateOf(partner,
                certificateOf)), Clock.systemUTC());

        CertificateVerdict verdict = certificates.check(partner(partner),
                EnumSet.of(CertificatePurpose.ENCRYPTION));

        assertThat(verdict.refusal()).contains(reason);
        assertThat(verdict.explanation()).contains("'" + partner + "'").contains(words).contains(
                Certificates.readCertificate(CERTS.resolve(certificateOf).resolve("cert.pem"))
                        .getSubjectX500Principal().getName());
        assertThatThrownBy(() -> certificates.requireUsable(partner(partner),
                CertificatePurpose.ENCRYPTION)).isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.explanation()).isEqualTo(verdict.explanation());
                });
    }

    @Test
    void aSigningOnlyCertificateStillServesForSignatures() throws Exception {
        PartnerCertificates certificates = checker(load(TestDirectory.shipped().certificateOf("nca", "audit")),
                Clock.systemUTC());

        assertThat(certificates.check(partner("nca"), EnumSet.of(CertificatePurpose.SIGNING))
                .usable()).isTrue();
        assertThat(certificates.check(partner("nca"), ALL).refusal())
                .contains(ReasonCode.PARTNER_CERTIFICATE_INVALID);
    }

    @Test
    void aCertificateThatExpiresWhileTheGatewayRunsIsRefusedAtItsNextCheck() throws Exception {
        SettableClock clock = SettableClock.ofSystemNow();
        TestCa ca = TestCa.create("short-lived-ca", clock.instant().minus(Duration.ofDays(30)),
                clock.instant().plus(Duration.ofDays(3650)));
        Path certificate = TestCa.writePem(dir.resolve("partner.pem"), ca.issue("short-lived",
                clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(10)),
                TestCa.EC_PARTY_USAGE));
        Path anchor = TestCa.writePem(dir.resolve("ca.pem"), ca.certificate());
        Path crl = TestCa.writePem(dir.resolve("crl.pem"), ca.crl(clock.instant().minus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(365))));
        PartnerCertificates certificates = checker(load(TestDirectory.shipped()
                .addUkPartner("hmrc", certificate, anchor, crl)), clock);

        assertThat(certificates.check(partner("hmrc"), ALL).usable()).isTrue();
        clock.advance(Duration.ofDays(9));
        assertThat(certificates.check(partner("hmrc"), ALL).usable()).as("a day left").isTrue();
        clock.advance(Duration.ofDays(2));

        assertThat(certificates.check(partner("hmrc"), ALL).refusal())
                .contains(ReasonCode.PARTNER_CERTIFICATE_EXPIRED);
    }

    @Test
    void aCertificateRevokedWhileTheGatewayRunsIsRefusedAtItsNextCheck() throws Exception {
        Instant now = Instant.now();
        TestCa ca = TestCa.create("reissuing-ca", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650)));
        X509Certificate issued = ca.issue("soon-revoked", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                TestCa.EC_PARTY_USAGE);
        Path crl = TestCa.writePem(dir.resolve("crl.pem"), ca.crl(now.minus(Duration.ofHours(2)),
                now.plus(Duration.ofDays(7))));
        PartnerCertificates certificates = checker(load(TestDirectory.shipped().addUkPartner("hmrc",
                TestCa.writePem(dir.resolve("partner.pem"), issued), TestCa.writePem(dir.resolve("ca.pem"),
                        ca.certificate()), crl)), Clock.systemUTC());
        assertThat(certificates.check(partner("hmrc"), ALL).usable()).isTrue();

        // The CA re-issues its list with the certificate on it; the operator renames the new file into place.
        TestCa.writePem(crl, ca.crl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), issued));

        assertThat(certificates.check(partner("hmrc"), ALL).refusal())
                .contains(ReasonCode.PARTNER_CERTIFICATE_REVOKED);
    }

    @Test
    void anUnreadableRevocationListLeavesTheRevocationStatusUnknown() throws Exception {
        Instant now = Instant.now();
        TestCa ca = TestCa.create("flaky-ca", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650)));
        Path crl = TestCa.writePem(dir.resolve("crl.pem"), ca.crl(now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(7))));
        Path good = dir.resolve("crl.good");
        Files.copy(crl, good);
        PartnerCertificates certificates = checker(load(TestDirectory.shipped().addUkPartner("hmrc",
                TestCa.writePem(dir.resolve("partner.pem"), ca.issue("hmrc", now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(365)), TestCa.EC_PARTY_USAGE)),
                TestCa.writePem(dir.resolve("ca.pem"), ca.certificate()), crl)), Clock.systemUTC());

        Files.writeString(crl, "-----BEGIN X509 CRL-----\nbm90IGEgQ1JM\n-----END X509 CRL-----\n");
        CertificateVerdict unreadable = certificates.check(partner("hmrc"), ALL);
        Files.move(good, crl, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(unreadable.refusal()).contains(ReasonCode.PARTNER_CERTIFICATE_UNTRUSTED);
        assertThat(unreadable.explanation()).contains("revocation list").contains("cannot be read");
        assertThat(certificates.check(partner("hmrc"), ALL).usable()).as("once it is fixed").isTrue();
    }

    @Test
    void aPartnerWithoutTrustAnchorOrCrlOfItsOwnIsJudgedByTheGatewayDefaults() throws Exception {
        Instant now = Instant.now();
        TestCa ca = TestCa.create("default-ca", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650)));
        Path anchor = TestCa.writePem(dir.resolve("ca.pem"), ca.certificate());
        Path crl = TestCa.writePem(dir.resolve("crl.pem"), ca.crl(now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(7))));
        load(TestDirectory.shipped().addUkPartner("hmrc",
                TestCa.writePem(dir.resolve("partner.pem"), ca.issue("hmrc", now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(365)), TestCa.EC_PARTY_USAGE)), null, null));
        List<X509Certificate> anchors = Certificates.readCertificates(anchor);

        PartnerCertificates withDefaults = PartnerCertificates.create(directory, anchors, List.of(crl),
                Clock.systemUTC());
        PartnerCertificates withoutAnchors = PartnerCertificates.create(directory, List.of(), List.of(crl),
                Clock.systemUTC());
        PartnerCertificates withoutCrls = PartnerCertificates.create(directory, anchors, List.of(),
                Clock.systemUTC());

        assertThat(withDefaults.check(partner("hmrc"), ALL).usable()).isTrue();
        assertThat(withoutAnchors.check(partner("hmrc"), ALL).explanation())
                .contains("No trust anchor");
        assertThat(withoutCrls.check(partner("hmrc"), ALL).explanation())
                .contains("No revocation list");
        assertThat(withoutCrls.check(partner("hmrc"), ALL).refusal())
                .contains(ReasonCode.PARTNER_CERTIFICATE_UNTRUSTED);
        assertThat(withDefaults.check(partner("europol"), ALL).usable())
                .as("a partner with its own trust anchor ignores the defaults").isTrue();
    }

    @Test
    void theStartUpReportNamesEachFailingPartnerOnceWithoutKeyMaterial() throws Exception {
        PartnerCertificates certificates = checker(load(TestDirectory.shipped()
                .certificateOf("nca", "expired").certificateOf("police-scotland", "revoked")
                .certificateOf("spoc-ie", "nca")), Clock.systemUTC());

        List<CertificateVerdict> failing = certificates.reportAtStartUp();

        assertThat(failing).extracting(v -> v.partnerId() + ":" + v.refusal().orElseThrow())
                .containsExactlyInAnyOrder("nca:PARTNER_CERTIFICATE_EXPIRED",
                        "police-scotland:PARTNER_CERTIFICATE_REVOKED", "spoc-ie:PARTNER_CERTIFICATE_UNTRUSTED");
        assertThat(log.list).hasSize(3).allSatisfy(line -> {
            assertThat(line.getLevel().toString()).isEqualTo("ERROR");
            assertThat(line.getFormattedMessage()).contains("PARTNER_CERTIFICATE_").contains("serial")
                    .doesNotContain("PRIVATE KEY").doesNotContain("BEGIN").doesNotContain("\n");
            assertThat(line.getThrowableProxy()).isNull();
        });
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("Partner 'nca'"))
                .anySatisfy(line -> assertThat(line).startsWith("Partner 'police-scotland'"))
                .anySatisfy(line -> assertThat(line).startsWith("Partner 'spoc-ie'"))
                .noneSatisfy(line -> assertThat(line).contains("'europol'"));
    }

    /** Loads the directory as the gateway does; {@link #partner} reads from it. */
    private PartyDirectory load(TestDirectory file) throws Exception {
        directory = new PartyDirectoryLoader(id -> true, MARKINGS::isKnown).load(file.write(dir));
        return directory;
    }

    /** With the gateway's default trust anchors and CRLs (the two example roots), as application.properties has. */
    private static PartnerCertificates checker(PartyDirectory directory, Clock clock) throws Exception {
        return PartnerCertificates.create(directory,
                Certificates.readCertificates(List.of(CERTS.resolve("uk-root-ca/cert.pem"),
                        CERTS.resolve("eu-root-ca/cert.pem"))),
                List.of(CERTS.resolve("uk-root-ca/crl.pem"), CERTS.resolve("eu-root-ca/crl.pem")), clock);
    }

    private Partner partner(String id) {
        return directory.partner(id).orElseThrow();
    }
}
