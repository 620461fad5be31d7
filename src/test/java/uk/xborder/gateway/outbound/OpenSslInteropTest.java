package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import picocli.CommandLine;

import uk.xborder.gateway.cli.GwCli;
import uk.xborder.gateway.cli.tool.ToolEnvironment;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.ExampleBrokerUsers;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * The README's walk-through, done by a test: send the example with the command-line client, take what the partner
 * received, extract the payload, and open it with nothing but the {@code openssl} binary and the partner's key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSslInteropTest {

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    private CommandLine client;

    @TempDir
    Path dir;

    @BeforeAll
    void start() throws Exception {
        client = GwCli.commandLine(ToolEnvironment.of(Map.of()));
        client.setOut(new PrintWriter(new StringWriter(), true));
    }

    @ParameterizedTest(name = "{0} ({1} certificate)")
    @CsvSource({"europol, EC", "spoc-ie, RSA"})
    void thePartnerOpensTheMessageWithPlainOpenSsl(String partner, String keyType) throws Exception {
        Path report = Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR"))
                .writeTo(dir.resolve("report-" + partner + ".xml"));
        assertThat(client.execute("send", "--broker", GATEWAY.get().brokerUrl(), "police-scotland",
                report.toString(), "--user", "police-scotland", "--password-file",
                ExampleBrokerUsers.passwordFile(dir, "police-scotland").toString())).isZero();

        Path envelope = dir.resolve("envelope-" + partner + ".xml");
        assertThat(client.execute("receive", "--broker", GATEWAY.get().brokerUrl(),
                "gw.partner." + partner + ".out", envelope.toString(), "--timeout", "20", "--user", partner,
                "--password-file", ExampleBrokerUsers.passwordFile(dir, partner).toString())).isZero();
        Path cms = dir.resolve("payload-" + partner + ".der");
        assertThat(client.execute("payload", envelope.toString(), cms.toString())).isZero();

        Path certs = RunningGateway.projectDirectory().resolve("certs-example");
        Path signed = dir.resolve("signed-" + partner + ".der");
        Path content = dir.resolve("content-" + partner + ".xml");
        openssl("cms", "-decrypt", "-inform", "DER", "-in", cms.toString(),
                "-recip", certs.resolve(partner + "/cert.pem").toString(),
                "-inkey", certs.resolve(partner + "/key.pem").toString(), "-out", signed.toString());
        String verification = openssl("cms", "-verify", "-inform", "DER", "-in", signed.toString(),
                "-CAfile", certs.resolve("uk-root-ca/cert.pem").toString(), "-out", content.toString());

        assertThat(verification).contains("Verification successful");
        SchemaCatalog.loadDefault().validate(new SafeXmlParser().parse(Files.readAllBytes(content)), "europol-ie-1");
        assertThat(openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in", cms.toString()))
                .contains("id-smime-ct-authEnvelopedData")
                .contains("aes-256-gcm")
                .contains(keyType.equals("RSA") ? "rsaesOaep" : "dhSinglePass-stdDH-sha256kdf-scheme");
    }

    /** Runs the openssl binary and returns what it printed; a non-zero exit fails the test with that output. */
    private static String openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl %s: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
