package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.certificates.CertificateExpiry;
import uk.xborder.gateway.certificates.PartnerCertificates;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.SettableClock;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TestCa;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * On the real gateway: a recipient whose directory certificate has expired, is revoked, chains to a CA that is not
 * its trust anchor, or may not be encrypted to is refused with its own reason code while the others receive the
 * message; each such partner is logged once at start-up and the gateway starts anyway; a certificate that expires
 * while the gateway runs is refused at its next use; and one that expires in ten days is warned of in the log and
 * on /observe/metrics.
 */
class PartnerCertificateRefusalTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";
    private static final Path CERTS = RunningGateway.projectDirectory().resolve("certs-example");

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(PartnerCertificates.class),
            (Logger) LoggerFactory.getLogger(CertificateExpiry.class));

    @BeforeEach
    void captureLog() {
        log.start();
        loggers.forEach(logger -> logger.addAppender(log));
    }

    @AfterEach
    void releaseLog() {
        loggers.forEach(logger -> logger.detachAppender(log));
    }

    @Test
    void eachRecipientWhoseCertificateFailsIsRefusedWithItsReasonAndTheOthersReceiveTheMessage() throws Exception {
        Path directory = TestDirectory.shipped()
                .certificateOf("nca", "expired")
                .certificateOf("spoc-ie", "police-scotland")
                .addUkPartner("revoked-party", CERTS.resolve("revoked/cert.pem"),
                        CERTS.resolve("uk-root-ca/cert.pem"), CERTS.resolve("uk-root-ca/crl.pem"))
                .addUkPartner("signing-only", CERTS.resolve("audit/cert.pem"),
                        CERTS.resolve("uk-root-ca/cert.pem"), CERTS.resolve("uk-root-ca/crl.pem"))
                .write(dir);
        Map<String, String> refusals = Map.of(
                "nca", "PARTNER_CERTIFICATE_EXPIRED",
                "spoc-ie", "PARTNER_CERTIFICATE_UNTRUSTED",
                "revoked-party", "PARTNER_CERTIFICATE_REVOKED",
                "signing-only", "PARTNER_CERTIFICATE_INVALID");

        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.directory", directory.toString()))) {
            assertThat(startUpLines()).as("one line per failing partner, and the gateway started")
                    .hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain("PRIVATE KEY"));
            refusals.forEach((partner, reason) -> assertThat(startUpLines())
                    .anySatisfy(line -> assertThat(line).startsWith("Partner '" + partner + "'").contains(reason)));

            String messageId = Examples.uniqueId("PS-IR");
            NotifyBuilder finished = new NotifyBuilder(gateway.context()).fromRoute("outbound-" + PS).whenDone(1)
                    .create();
            String transportId = gateway.send(PS, Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId)
                    .replace("(</DisseminationList>)", "<Recipient><PartyId>revoked-party</PartyId></Recipient>"
                            + "<Recipient><PartyId>signing-only</PartyId></Recipient></DisseminationList>").xml());

            StatusNotices.Notice notice = status(gateway, transportId);
            assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
            assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
            refusals.forEach((partner, reason) -> {
                assertThat(notice.recipient(partner).outcome()).as(partner).isEqualTo("REJECTED");
                assertThat(notice.recipient(partner).reasonCode()).as(partner).isEqualTo(reason);
                assertThat(notice.recipient(partner).explanation()).contains("'" + partner + "'").contains("serial");
            });
            assertThat(finished.matches(WAIT, TimeUnit.MILLISECONDS)).as("the route finished").isTrue();
            Message toEuropol = gateway.receive("gw.partner.europol.out", "GwMessageId = '" + messageId + "'", WAIT);
            assertThat(PartnerInbox.open("europol", RunningGateway.bodyBytes(toEuropol)).messageId())
                    .isEqualTo(messageId);
            for (String partner : refusals.keySet()) {
                assertThat(gateway.browse("gw.partner." + partner + ".out"))
                        .as("nothing left for " + partner).noneMatch(m -> messageId.equals(header(m)));
            }

            List<AuditEvent> trail = gateway.audit().forExchange(notice.exchangeId());
            refusals.forEach((partner, reason) -> assertThat(trail)
                    .filteredOn(e -> e.recipients().equals(List.of(partner))).extracting(AuditEvent::step)
                    .as("nothing prepared for " + partner).containsExactly("AUTHORISED", "REFUSED"));
            assertThat(trail).filteredOn(e -> e.step().equals("REFUSED"))
                    .extracting(e -> e.recipients().get(0) + ":" + e.reason())
                    .containsExactlyInAnyOrderElementsOf(refusals.entrySet().stream()
                            .map(e -> e.getKey() + ":" + e.getValue()).toList());
            Message kept = gateway.receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
            assertThat(kept).as("original kept on gw.rejected").isNotNull();
            assertThat(kept.getStringProperty("GwRefusedRecipients")).contains("nca:PARTNER_CERTIFICATE_EXPIRED")
                    .contains("revoked-party:PARTNER_CERTIFICATE_REVOKED");
        }
    }

    @Test
    void aCertificateExpiringInTenDaysIsWarnedOfThenRefusedOnceItHasExpired() throws Exception {
        SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        TestCa ca = TestCa.create("hmrc-ca", clock.instant().minus(Duration.ofDays(365)),
                clock.instant().plus(Duration.ofDays(3650)));
        Path certificate = TestCa.writePem(dir.resolve("hmrc.pem"), ca.issue("hmrc",
                clock.instant().minus(Duration.ofDays(355)), clock.instant().plus(Duration.ofDays(10)),
                TestCa.EC_PARTY_USAGE));
        Path directory = TestDirectory.shipped().addUkPartner("hmrc", certificate,
                TestCa.writePem(dir.resolve("hmrc-ca.pem"), ca.certificate()),
                TestCa.writePem(dir.resolve("hmrc-ca-crl.pem"), ca.crl(clock.instant().minus(Duration.ofDays(1)),
                        clock.instant().plus(Duration.ofDays(365))))).write(dir);

        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.directory", directory.toString()),
                Map.of("clock", clock))) {
            assertThat(startUpLines()).as("no partner fails at start-up").isEmpty();
            assertThat(log.list).filteredOn(line -> line.getLevel().toString().equals("WARN"))
                    .extracting(ILoggingEvent::getFormattedMessage).singleElement().satisfies(line ->
                            assertThat(line).contains("partner certificate of 'hmrc'").contains("in 10 days"));
            String metrics = metrics(gateway);
            assertThat(gauge(metrics, "gateway_certificate_expiry_days\\{party=\"hmrc\",use=\"partner\"}"))
                    .isEqualTo(10.0);
            assertThat(gauge(metrics, "gateway_certificate_expiry_days\\{party=\"gateway\",use=\"signing\"}"))
                    .isGreaterThan(30);
            assertThat(gauge(metrics, "gateway_certificate_expiry_days\\{party=\"gateway\",use=\"audit\"}"))
                    .isGreaterThan(30);
            assertThat(gauge(metrics, "gateway_certificates_expiring_soon")).isEqualTo(1.0);

            assertThat(sendToHmrc(gateway).recipient("hmrc").outcome()).isEqualTo("ACCEPTED");

            clock.advance(Duration.ofDays(11));

            StatusNotices.Notice afterExpiry = sendToHmrc(gateway);
            assertThat(afterExpiry.recipient("hmrc").reasonCode()).isEqualTo("PARTNER_CERTIFICATE_EXPIRED");
            assertThat(afterExpiry.recipient("europol").outcome()).isEqualTo("ACCEPTED");
            assertThat(gauge(metrics(gateway), "gateway_certificate_expiry_days\\{party=\"hmrc\",use=\"partner\"}"))
                    .isEqualTo(-1.0);
        }
    }

    private static StatusNotices.Notice sendToHmrc(RunningGateway gateway) throws Exception {
        String transportId = gateway.send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR"))
                .replace("(</DisseminationList>)", "<Recipient><PartyId>hmrc</PartyId></Recipient>"
                        + "</DisseminationList>").xml());
        return status(gateway, transportId);
    }

    private List<String> startUpLines() {
        return log.list.stream().filter(line -> line.getLoggerName().equals(PartnerCertificates.class.getName()))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String metrics(RunningGateway gateway) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway.httpUrl() + "/observe/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the one sample whose name and labels match. */
    private static double gauge(String metrics, String sample) {
        Matcher matcher = Pattern.compile("(?m)^" + sample + " (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(sample + " in\n" + metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static StatusNotices.Notice status(RunningGateway gateway, String transportId) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static String header(Message message) {
        try {
            return message.getStringProperty("GwMessageId");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
