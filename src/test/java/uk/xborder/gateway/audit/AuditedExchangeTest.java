package uk.xborder.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Message;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.audit.verify.VerificationReport;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PostgresPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * The whole gateway on each audit store (embedded H2, and a real PostgreSQL chosen by configuration alone): every
 * step of an outbound exchange is in its durable trail, the live log verifies against its signed checkpoints, and an
 * evidence bundle of the exchange verifies offline, in a separate process with no database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditedExchangeTest {

    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void anOutboundExchangeIsProvenFromItsAuditTrail(String store) throws Exception {
        // On a database of its own, the exchange store needs a key of its own (the generated one is refused).
        Map<String, String> settings = store.equals("H2") ? Map.of()
                : Map.of("gateway.audit.store.url", POSTGRES.jdbcUrl(),
                        "gateway.audit.store.user", "postgres",
                        "gateway.store.key-file", Files.writeString(dir.resolve("exchange-store.key"),
                                Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32))).toString());
        try (RunningGateway gateway = RunningGateway.start(settings)) {
            String messageId = Examples.uniqueId("PS-IR");
            String transportId = gateway.send("police-scotland", Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
            Message status = gateway.receive("gw.agency.police-scotland.status",
                    "GwTransportMessageId = '" + transportId + "'", 20_000);
            String exchangeId = StatusNotices.parse(RunningGateway.bodyBytes(status)).exchangeId();
            AuditLog log = gateway.audit().log();

            // Every step, in order, durable.
            assertThat(gateway.audit().stepsOf(exchangeId)).containsSubsequence("RECEIVED", "WELL_FORMED",
                    "SCHEMA_VALID", "CANONICALISED", "SENDER_VERIFIED", "AUTHORISED", "TRANSLATED", "SIGNED",
                    "ENCRYPTED", "WRAPPED", "RELEASED", "DELIVERED", "STATUS_ISSUED");
            for (String recipient : List.of("europol", "spoc-ie", "nca")) {
                assertThat(gateway.audit().forExchange(exchangeId))
                        .filteredOn(e -> e.recipients().equals(List.of(recipient)))
                        .extracting(AuditEvent::step)
                        .containsExactly("AUTHORISED", "TRANSLATED", "SIGNED", "ENCRYPTED", "WRAPPED", "RELEASED",
                                "DELIVERED");
            }

            // The live log verifies against its signed checkpoints.
            log.checkpoint();
            X509Certificate auditCertificate = AuditPki.certificate("audit");
            VerificationReport live = new LogVerifier(log, CheckpointVerifier.create(auditCertificate, List.of(),
                    AuditPki.trusting("uk-root-ca"))).verify();
            assertThat(live.ok()).as(live.summary()).isTrue();
            assertThat(live.entriesChecked()).isEqualTo(log.size());

            // The exchange's evidence verifies offline, in another process.
            byte[] bundle = new EvidenceExporter(log, auditCertificate).export(new AuditQuery(null, exchangeId,
                    null, null, null, null, null, null, null, null, 0, 100));
            Path file = Files.write(dir.resolve("evidence-" + store + ".json"), bundle);
            assertThat(verifyInAnotherProcess(file)).startsWith("VERIFIED");

            String altered = new String(bundle, StandardCharsets.UTF_8);
            int at = altered.indexOf("\"canonical\"");
            assertThat(at).as("bundle carries canonical entries").isPositive();
            int flip = altered.indexOf('"', altered.indexOf(':', at)) + 21;
            Path tampered = Files.writeString(dir.resolve("tampered-" + store + ".json"),
                    altered.substring(0, flip) + (altered.charAt(flip) == 'A' ? 'B' : 'A')
                            + altered.substring(flip + 1));
            assertThat(verifyInAnotherProcess(tampered)).startsWith("NOT VERIFIED");
        }
    }

    /** Runs the auditor's command line in a new JVM with only the bundle and the root certificate. */
    private static String verifyInAnotherProcess(Path bundle) throws Exception {
        Path certs = RunningGateway.projectDirectory().resolve("certs-example/uk-root-ca");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "uk.xborder.gateway.cli.AuditCli", "verify",
                bundle.toString(), "--trust", certs.resolve("cert.pem").toString(),
                "--crl", certs.resolve("crl.pem").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().filter(l -> l.startsWith("VERIFIED") || l.startsWith("NOT VERIFIED"))
                .findFirst().orElse(output);
    }
}
