package uk.xborder.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.StandInRoute;

/**
 * The inbound HTTPS endpoint, over real TLS on the loopback with the example certificates, in front of a stand-in
 * for the inbound pipeline ({@code direct:inbound-envelope}) that records what it was handed and answers with a
 * fixed receipt. The gateway presents police-scotland's TLS certificate; partners' clients must chain to their
 * directory trust anchors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundHttpsEndpointTest {

    private static final int PORT = freePort();
    private static final byte[] RECEIPT = "stand-in signed receipt".getBytes(StandardCharsets.US_ASCII);
    private static final String ENVELOPE = "<Envelope xmlns=\"urn:test\">stand-in envelope</Envelope>";
    private static final String FAULT = "<Envelope xmlns=\"urn:test\">the pipeline fails on this</Envelope>";

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass(Map.of(
            "gateway.https.enabled", "true",
            "gateway.https.port", Integer.toString(PORT),
            "gateway.https.certificate", ExampleTls.certs("police-scotland/tls/cert.pem").toString(),
            "gateway.https.key", ExampleTls.certs("police-scotland/tls/key.pem").toString(),
            "gateway.https.max-body-bytes", "4096"));

    /** What the stand-in pipeline was handed. */
    record Handed(byte[] body, X509Certificate client) {
    }

    private final List<Handed> handed = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void standInForTheInboundPipeline() throws Exception {
        // The transport alone: the real pipeline is tested in package inbound, and end to end with two gateways.
        StandInRoute.install(GATEWAY.get().context(), "direct:inbound-envelope", "test-inbound-pipeline",
                exchange -> {
                    byte[] body = exchange.getMessage().getBody(byte[].class);
                    handed.add(new Handed(body, exchange.getProperty(ExchangeProperties.CLIENT_CERTIFICATE,
                            X509Certificate.class)));
                    if (new String(body, StandardCharsets.UTF_8).equals(FAULT)) {
                        throw new IllegalStateException("a gateway fault in the pipeline");
                    }
                    exchange.getMessage().setBody(RECEIPT);
                    exchange.getMessage().setHeader(GatewayHeaders.RECEIPT_OUTCOME, "DELIVERED");
                });
    }

    @BeforeEach
    void forgetWhatWasHanded() {
        handed.clear();
    }

    @Test
    void europolsClientPostsAnEnvelopeAndGetsTheReceipt() throws Exception {
        HttpResponse<byte[]> response = post(europol(), "TLSv1.3", ENVELOPE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(RECEIPT);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pkcs7-mime");
        assertThat(response.headers().firstValue("X-Gateway-Receipt-Outcome")).hasValue("DELIVERED");
        assertThat(handed).hasSize(1);
        assertThat(new String(handed.get(0).body(), StandardCharsets.UTF_8)).isEqualTo(ENVELOPE);
        // The client certificate the pipeline compares with the envelope's sender: europol's directory subject.
        assertThat(handed.get(0).client().getSubjectX500Principal())
                .isEqualTo(ExampleTls.subjectOf("europol/cert.pem"));
    }

    @Test
    void tls12IsAcceptedToo() throws Exception {
        assertThat(post(europol(), "TLSv1.2", ENVELOPE).statusCode()).isEqualTo(200);
        assertThat(handed).hasSize(1);
    }

    @Test
    void aTrustedPartnersCertificateReachesThePipelineWhichDecidesWhoSentIt() throws Exception {
        // spoc-ie's message certificate (RSA, eu-root-ca) is valid and trusted; whether it may send an envelope that
        // names another sender is the pipeline's check (CLIENT_NOT_SENDER), not the handshake's.
        HttpResponse<byte[]> response = post(ExampleTls.context(ExampleTls.messageKey("spoc-ie"), "uk-root-ca"),
                "TLSv1.3", ENVELOPE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(handed).hasSize(1);
        assertThat(handed.get(0).client().getSubjectX500Principal())
                .isEqualTo(ExampleTls.subjectOf("spoc-ie/cert.pem"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aClientWithoutACertificateIsRefusedAtTheHandshake(String protocol) throws Exception {
        int before = refusals().size();

        assertThatThrownBy(() -> post(ExampleTls.context(null, "uk-root-ca"), protocol, ENVELOPE))
                .isInstanceOf(IOException.class);

        assertThat(handed).isEmpty();
        AuditEvent refusal = awaitRefusalAfter(before);
        assertThat(refusal.reason()).isEqualTo("TLS_HANDSHAKE_REFUSED");
        assertThat(refusal.outcome()).isEqualTo("REJECTED");
        assertThat(refusal.explanation()).contains("no certificate");
    }

    @Test
    void aClientWhoseCertificateComesFromAnUntrustedCaIsRefused() throws Exception {
        int before = refusals().size();
        // An impostor with europol's subject, from a CA of its own.
        SSLContext impostor = ExampleTls.context(
                ExampleTls.untrustedImpostorOf(ExampleTls.subjectOf("europol/cert.pem")), "uk-root-ca");

        assertThatThrownBy(() -> post(impostor, "TLSv1.3", ENVELOPE)).isInstanceOf(IOException.class);

        assertThat(handed).isEmpty();
        assertThat(awaitRefusalAfter(before).explanation()).contains("does not chain to a partner's trust anchor");
    }

    @Test
    void aRevokedCertificateIsRefused() throws Exception {
        // The revoked party chains to uk-root-ca (a partner anchor here) and is on its CRL.
        int before = refusals().size();

        assertThatThrownBy(() -> post(ExampleTls.context(ExampleTls.messageKey("revoked"), "uk-root-ca"),
                "TLSv1.3", ENVELOPE)).isInstanceOf(IOException.class);

        assertThat(handed).isEmpty();
        assertThat(awaitRefusalAfter(before).explanation()).contains("revoked");
    }

    @Test
    void tls11IsRefused(@TempDir Path work) throws Exception {
        int before = refusals().size();
        // OpenSSL, because the JDK will not even offer TLS 1.1; security level 0 lets it offer the old suites.
        String refused = sClient(work, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
        assertThat(refused).contains("Cipher is (NONE)");
        assertThat(awaitRefusalAfter(before).explanation()).contains("TLS version");

        // The same client, same certificate, at TLS 1.2: the handshake completes, so the refusal was the version.
        String accepted = sClient(work, "-tls1_2");
        assertThat(accepted).contains("Protocol  : TLSv1.2").doesNotContain("Cipher is (NONE)");
    }

    @Test
    void aGatewayFaultIsAnswered503SoThatTheSenderTriesAgain() throws Exception {
        HttpResponse<byte[]> response = post(europol(), "TLSv1.3", FAULT);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(handed).hasSize(1);
    }

    @Test
    void aBodyAboveTheLimitIsAnswered413() throws Exception {
        String large = "<Envelope xmlns=\"urn:test\">" + "x".repeat(5000) + "</Envelope>";

        assertThat(post(europol(), "TLSv1.3", large).statusCode()).isEqualTo(413);
        assertThat(handed).isEmpty();
    }

    @Test
    void otherMethodsPathsAndContentTypesAreRefused() throws Exception {
        HttpClient client = client(europol(), "TLSv1.3");
        HttpResponse<byte[]> get = client.send(HttpRequest.newBuilder(uri("/exchange/v1/envelopes")).GET()
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> elsewhere = client.send(request("/exchange/v1/other", "application/xml", ENVELOPE),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> json = client.send(request("/exchange/v1/envelopes", "application/json", "{}"),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(handed).isEmpty();
    }

    @Test
    void theEndpointListensOnItsOwnPortBesideTheApi() throws Exception {
        InboundHttpsEndpoint endpoint = GATEWAY.get().context().getRegistry()
                .lookupByNameAndType("inboundHttpsEndpoint", InboundHttpsEndpoint.class);
        assertThat(endpoint.port()).isEqualTo(PORT);
        assertThat(GATEWAY.get().httpUrl()).doesNotEndWith(":" + PORT);
    }

    private static SSLContext europol() throws Exception {
        return ExampleTls.context(ExampleTls.tlsKey("europol"), "uk-root-ca");
    }

    private static HttpResponse<byte[]> post(SSLContext context, String protocol, String body) throws Exception {
        return client(context, protocol).send(request("/exchange/v1/envelopes", "application/xml", body),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpClient client(SSLContext context, String protocol) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpRequest request(String path, String contentType, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20)).build();
    }

    private static URI uri(String path) {
        // By IP: the certificate names 127.0.0.1 as well as localhost, and the client verifies it.
        return URI.create("https://127.0.0.1:" + PORT + path);
    }

    private static List<AuditEvent> refusals() {
        var log = GATEWAY.get().audit().log();
        return log.range(0, log.size()).stream().map(entry -> entry.event())
                .filter(event -> event.step().equals("HTTPS_CLIENT_REFUSED")).toList();
    }

    private static AuditEvent awaitRefusalAfter(int before) {
        await().atMost(20, TimeUnit.SECONDS).until(() -> refusals().size() > before);
        List<AuditEvent> all = refusals();
        assertThat(all).hasSize(before + 1);
        AuditEvent refusal = all.get(before);
        assertThat(refusal.actor()).isEqualTo("gateway/https");
        assertThat(refusal.messageId()).isNull();
        return refusal;
    }

    private static String sClient(Path work, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + PORT,
                "-cert", ExampleTls.certs("europol/tls/cert.pem").toString(),
                "-key", ExampleTls.certs("europol/tls/key.pem").toString(),
                "-CAfile", ExampleTls.certs("uk-root-ca/cert.pem").toString()));
        command.addAll(List.of(options));
        Path out = work.resolve("s_client-" + System.nanoTime() + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Files.writeString(work.resolve("empty"), "").toFile()))
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl s_client did not finish");
        }
        return Files.readString(out, StandardCharsets.ISO_8859_1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
