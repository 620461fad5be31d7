package uk.xborder.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.ToolEnvironment;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The gateway's HTTP port (API, health, metrics) served over TLS from gateway.api.tls.*, TLSv1.2 or later, and the
 * auditor's tool talking to it over https with a trust file; plain HTTP on that port gets nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ApiOverTlsTest {

    private static final Path BASE = RunningGateway.projectDirectory();
    private static final Path CA = BASE.resolve("certs-example/uk-root-ca/cert.pem");
    private static final String JUSTIFICATION = "Court order 2026/17: disclosures of Operation Kestrel";

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass(Map.of(
            "gateway.api.tls.certificate", BASE.resolve("certs-example/police-scotland/tls/cert.pem").toString(),
            "gateway.api.tls.key", BASE.resolve("certs-example/police-scotland/tls/key.pem").toString()));

    @Test
    void healthAndTheApiAreServedOverTlsWithTheConfiguredCertificate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(CA)).connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(httpsUrl() + "/observe/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(httpsUrl() + "/api/audit/entries"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(api.statusCode()).isEqualTo(401);
        try (SSLSocket socket = (SSLSocket) trusting(CA).getSocketFactory().createSocket("127.0.0.1", port())) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(socket.getSession().getPeerCertificates()[0].toString()).contains("CN=police-scotland");
        }
    }

    @Test
    void plainHttpOnTheTlsPortGetsNoAnswer() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(GATEWAY.get().httpUrl()
                + "/observe/health")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void tlsOlderThanVersionOnePointTwoIsRefused() throws Exception {
        for (String old : List.of("-tls1_1", "-tls1")) {
            Process openssl = new ProcessBuilder("openssl", "s_client", old, "-cipher", "DEFAULT:@SECLEVEL=0",
                    "-connect", "127.0.0.1:" + port(), "-servername", "localhost").redirectErrorStream(true).start();
            openssl.getOutputStream().close();
            assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).as(old).doesNotContain("BEGIN CERTIFICATE").doesNotContain("Cipher is ECDHE");
            assertThat(openssl.exitValue()).as(old + ": " + output).isNotZero();
        }
    }

    @Test
    void theAuditorsToolTalksHttpsWithATrustFile() {
        ToolRun run = audit("--gateway", httpsUrl(), "--gateway-trust", CA.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"entries\"");
    }

    @Test
    void withoutTheTrustFileTheToolRefusesTheGatewaysCertificateAndSendsNoPassword() {
        ToolRun run = audit("--gateway", httpsUrl());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(run.err()).contains("TLS certificate is not trusted").contains("--gateway-trust");
    }

    @Test
    void theToolRefusesPlainHttpBeyondTheLoopback() {
        ToolRun run = audit("--gateway", "http://gateway.example.org:8080");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--gateway must be https beyond the loopback");
    }

    private ToolRun audit(String... gateway) {
        String[] args = new String[gateway.length + 7];
        System.arraycopy(new String[] {"search", "--limit", "1", "--user", "auditor", "--justification",
                JUSTIFICATION}, 0, args, 0, 7);
        System.arraycopy(gateway, 0, args, 7, gateway.length);
        return ToolRun.of(AuditCli.commandLine(ToolEnvironment.of(Map.of("GATEWAY_API_PASSWORD",
                "example-auditor-password"))), args);
    }

    private static int port() {
        return URI.create(GATEWAY.get().httpUrl()).getPort();
    }

    /** By name: the certificate names localhost and 127.0.0.1. */
    private static String httpsUrl() {
        return "https://localhost:" + port();
    }

    private static SSLContext trusting(Path ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", Certificates.readCertificate(ca));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
