package uk.xborder.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import jakarta.jms.Message;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StandInRoute;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * Delivery over HTTPS with mutual TLS: europol's directory endpoint is a Vert.x server on the loopback that
 * presents europol's TLS certificate and requires a client certificate from the UK root; the gateway presents
 * police-scotland's. A stand-in for the receipt route ({@code direct:outbound-receipt}) records what it is handed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundHttpsTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";
    private static final byte[] RECEIPT = "europol's signed receipt".getBytes(StandardCharsets.US_ASCII);

    /** What the stand-in receipt route was handed. */
    record Handed(byte[] body, String recipient, String thread) {
    }

    private final List<Handed> receipts = Collections.synchronizedList(new ArrayList<>());
    private PartnerHttpsServer europol;
    private RunningGateway gateway;
    private ProducerTemplate template;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        europol = new PartnerHttpsServer(ExampleTls.tlsKey("europol"));
        Path base = RunningGateway.projectDirectory();
        Path directory = Files.writeString(dir.resolve("directory.yaml"),
                Files.readString(base.resolve("config/directory.yaml"))
                        .replace("../certs-example", base.resolve("certs-example").toString())
                        .replace("jms:queue:gw.partner.europol.out", europol.url()));
        gateway = RunningGateway.start(Map.of(
                "gateway.directory", directory.toString(),
                "gateway.https.certificate", ExampleTls.certs("police-scotland/tls/cert.pem").toString(),
                "gateway.https.key", ExampleTls.certs("police-scotland/tls/key.pem").toString(),
                "gateway.https.timeout-ms", "4000"));
        // The transport alone: receipts themselves are tested in package receipt, and end to end with two gateways.
        StandInRoute.install(gateway.context(), "direct:outbound-receipt", "test-outbound-receipt",
                exchange -> receipts.add(new Handed(exchange.getMessage().getBody(byte[].class),
                        exchange.getProperty(ExchangeProperties.RECIPIENT, String.class),
                        Thread.currentThread().getName())));
        template = gateway.context().createProducerTemplate();
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (europol != null) {
            europol.close();
        }
    }

    @BeforeEach
    void answerWithAReceipt() {
        europol.answer(200, RECEIPT);
        receipts.clear();
    }

    @Test
    void aReportIsPostedToEuropolOverMutualTlsAndItsReceiptGoesToTheReceiptRoute() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        StatusNotices.Notice notice = send(messageId);

        assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
        List<PartnerHttpsServer.Post> posts = postsOf(messageId);
        assertThat(posts).hasSize(1);
        PartnerHttpsServer.Post post = posts.get(0);
        assertThat(post.contentType()).isEqualTo("application/xml");
        assertThat(post.client()).isEqualTo(ExampleTls.subjectOf("police-scotland/cert.pem"));
        // What arrived is the envelope itself, for europol to open.
        assertThat(PartnerInbox.open("europol", post.body()).messageId()).isEqualTo(messageId);

        // The receipt in the response is queued on gw.receipts in the agency's transaction, and taken from there
        // once that has committed: so it closes the exchange after the first status notice, never before.
        await().atMost(10, TimeUnit.SECONDS).until(() -> receipts.size() == 1);
        assertThat(receipts).singleElement().satisfies(handed -> {
            assertThat(handed.body()).isEqualTo(RECEIPT);
            assertThat(handed.thread()).contains("JmsConsumer[gw.receipts]");
        });
        // DELIVERED names the envelope that was POSTed, not the receipt that came back.
        assertThat(gateway.audit().forExchange(notice.exchangeId()))
                .filteredOn(event -> event.step().equals("DELIVERED") && event.recipients().contains("europol"))
                .extracting(AuditEvent::payloadDigest).containsExactly(Digests.sha256Hex(post.body()));
        // nca is still reached over JMS.
        assertThat(gateway.receive("gw.partner.nca.out", "GwMessageId = '" + messageId + "'", WAIT)).isNotNull();
    }

    @Test
    void aPartnerThatAnswers400IsFailedAtOnceWithoutARetry() throws Exception {
        europol.answer(400, "bad envelope".getBytes(StandardCharsets.US_ASCII));
        String messageId = Examples.uniqueId("PS-IR");

        StatusNotices.Notice notice = send(messageId);

        assertThat(notice.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("FAILED");
        assertThat(notice.recipient("europol").reasonCode()).isEqualTo("DELIVERY_REFUSED");
        assertThat(notice.recipient("europol").explanation()).contains("http-400");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        Message held = gateway.receive("gw.failed", "GwMessageId = '" + messageId + "'", WAIT);
        assertThat(held).isNotNull();
        assertThat(held.getStringProperty("GwReasonCode")).isEqualTo("DELIVERY_REFUSED");
        // One POST: a 4xx is not tried again, in place or later.
        List<PartnerHttpsServer.Post> posts = postsOf(messageId);
        assertThat(posts).hasSize(1);
        assertThat(gateway.heldContent(held)).isEqualTo(posts.get(0).body());
        assertThat(gateway.audit().forExchange(notice.exchangeId()))
                .filteredOn(event -> event.step().equals("DELIVERY_ATTEMPT_FAILED"))
                .singleElement().satisfies(event -> assertThat(event.explanation())
                        .contains("Attempt 1 of 2", europol.url(), "http-400 (permanent)"));
        assertThat(receipts).isEmpty();
    }

    @Test
    void aPartnerThatAnswers503IsTriedAgainOffTheAgencysQueueThenFailedAfterItsLastAttempt() throws Exception {
        europol.answer(503, "not now".getBytes(StandardCharsets.US_ASCII));
        String messageId = Examples.uniqueId("PS-IR");

        StatusNotices.Notice notice = send(messageId);

        assertThat(notice.outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("RETRYING");
        assertThat(notice.recipient("europol").reasonCode()).isNull();
        assertThat(notice.recipient("europol").explanation()).contains("http-503", "attempt 2 of 2");
        assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
        // The second attempt (the tests' gateway.delivery.retries is 1) fails too: a second notice, FAILED.
        StatusNotices.Notice second = secondNotice(notice.jmsMessageId(), "europol");
        assertThat(second.outcome()).isEqualTo("FAILED");
        assertThat(second.recipient("europol").outcome()).isEqualTo("FAILED");
        assertThat(second.recipient("europol").reasonCode()).isEqualTo("DELIVERY_FAILED");
        List<PartnerHttpsServer.Post> posts = postsOf(messageId);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).body()).isEqualTo(posts.get(0).body());
        assertThat(receipts).isEmpty();
        Message held = gateway.receive("gw.failed", "GwMessageId = '" + messageId + "'", WAIT);
        assertThat(held).isNotNull();
        assertThat(held.getStringProperty("GwReasonCode")).isEqualTo("DELIVERY_FAILED");
        assertThat(gateway.heldContent(held)).isEqualTo(posts.get(0).body());
        assertThat(gateway.audit().forExchange(notice.exchangeId()))
                .filteredOn(event -> event.step().equals("DELIVERY_ATTEMPT_FAILED"))
                .extracting(AuditEvent::explanation)
                .satisfiesExactlyInAnyOrder(
                        first -> assertThat(first).contains("Attempt 1 of 2", "http-503 (transient)"),
                        last -> assertThat(last).contains("Attempt 2 of 2", "http-503 (transient)", "the last"));
    }

    @ParameterizedTest(name = "HTTP {0}: transient {1}")
    @CsvSource({"500, true", "502, true", "503, true", "408, true", "429, true", "400, false", "401, false",
            "403, false", "404, false", "413, false", "415, false", "201, false", "302, false"})
    void answersThatMayPassAreTransientAndOthersPermanent(int status, boolean transientFailure) throws Exception {
        europol.answer(status, "not now".getBytes(StandardCharsets.US_ASCII));

        Exchange result = postEnvelope(europol.url(), "<Envelope xmlns=\"urn:test\"/>".getBytes());

        DeliveryError error = DeliveryErrors.classify(result.getException());
        assertThat(error.transientFailure()).isEqualTo(transientFailure);
        assertThat(error.errorClass()).isEqualTo("http-" + status);
    }

    @Test
    void aHandshakeCutOffByTheNetworkIsTransient() throws Exception {
        // A TCP server that takes the connection and closes it at once, before any TLS is spoken.
        try (java.net.ServerSocket cutter = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                while (!cutter.isClosed()) {
                    try {
                        cutter.accept().close();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "test-connection-cutter");
            closer.setDaemon(true);
            closer.start();

            Exchange result = postEnvelope("https://localhost:" + cutter.getLocalPort()
                    + "/exchange/v1/envelopes", "<Envelope xmlns=\"urn:test\"/>".getBytes());

            assertThat(result.getException()).isNotNull();
            DeliveryError error = DeliveryErrors.classify(result.getException());
            assertThat(error.transientFailure()).as(error.toString()).isTrue();
            assertThat(error.errorClass()).isIn("tls-interrupted", "connection-lost");
        }
    }

    @Test
    void postEnvelopePostsAnEnvelopeOnRecordAndPassesOnTheReceipt() throws Exception {
        byte[] envelope = "<Envelope xmlns=\"urn:test\">already on record</Envelope>".getBytes(StandardCharsets.UTF_8);

        Exchange result = postEnvelope(europol.url(), envelope);

        assertThat(result.getException()).isNull();
        assertThat(europol.posts()).extracting(PartnerHttpsServer.Post::body).contains(envelope);
        assertThat(receipts).singleElement().satisfies(handed -> assertThat(handed.body()).isEqualTo(RECEIPT));
    }

    @Test
    void aServerWhoseCertificateDoesNotChainToThePartnersAnchorIsRefused() throws Exception {
        // police-scotland's TLS certificate names localhost too, but comes from the UK root, not europol's.
        try (PartnerHttpsServer impostor = new PartnerHttpsServer(ExampleTls.tlsKey(PS))) {
            Exchange result = postEnvelope(impostor.url(), "<Envelope xmlns=\"urn:test\"/>".getBytes());

            assertThat(result.getException()).hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
            assertThat(DeliveryErrors.classify(result.getException())).satisfies(error -> {
                assertThat(error.transientFailure()).isFalse();
                assertThat(error.errorClass()).isEqualTo("tls-certificate");
            });
            assertThat(impostor.posts()).isEmpty();
            assertThat(receipts).isEmpty();
        }
    }

    @Test
    void aServerWhoseCertificateDoesNotNameTheHostIsRefused() throws Exception {
        // europol's message certificate chains to europol's anchor but names no host: hostname verification fails.
        try (PartnerHttpsServer unnamed = new PartnerHttpsServer(ExampleTls.messageKey("europol"))) {
            Exchange result = postEnvelope(unnamed.url(), "<Envelope xmlns=\"urn:test\"/>".getBytes());

            assertThat(result.getException()).isNotNull();
            assertThat(causes(result.getException())).anyMatch(cause -> cause instanceof SSLHandshakeException
                    || cause instanceof java.security.cert.CertificateException);
            assertThat(DeliveryErrors.classify(result.getException()).transientFailure()).isFalse();
            assertThat(unnamed.posts()).isEmpty();
            assertThat(receipts).isEmpty();
        }
    }

    @Test
    void aRefusedConnectionFailsThePost() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Exchange result = postEnvelope("https://localhost:" + closed + "/exchange/v1/envelopes",
                "<Envelope xmlns=\"urn:test\"/>".getBytes());

        assertThat(causes(result.getException())).anyMatch(cause -> cause instanceof java.net.ConnectException);
        assertThat(DeliveryErrors.classify(result.getException()))
                .isEqualTo(new DeliveryError(true, "connection-refused", "The endpoint refused the connection."));
        assertThat(receipts).isEmpty();
    }

    @Test
    void aPartnerThatNeverAnswersFailsThePostAtTheTimeout() throws Exception {
        europol.answerNothing();
        byte[] envelope = "<Envelope xmlns=\"urn:test\">never answered</Envelope>".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();

        Exchange result = postEnvelope(europol.url(), envelope);

        assertThat(result.getException()).isNotNull();
        assertThat(causes(result.getException())).anyMatch(cause -> cause instanceof java.util.concurrent.TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout"));
        // gateway.https.timeout-ms is 4 s here
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(DeliveryErrors.classify(result.getException()).errorClass()).isEqualTo("timeout");
        assertThat(DeliveryErrors.classify(result.getException()).transientFailure()).isTrue();
        assertThat(europol.posts()).extracting(PartnerHttpsServer.Post::body).contains(envelope);
        assertThat(receipts).isEmpty();
    }

    private Exchange postEnvelope(String endpoint, byte[] envelope) {
        return template.send("direct:post-envelope", exchange -> {
            exchange.setProperty(ExchangeProperties.ENDPOINT, endpoint);
            exchange.setProperty(ExchangeProperties.RECIPIENT, "europol");
            exchange.getMessage().setBody(envelope);
        });
    }

    private StatusNotices.Notice secondNotice(String transportId, String partner) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '" + transportId
                + "' AND GwRecipient = '" + partner + "'", WAIT);
        assertThat(status).as("second status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private StatusNotices.Notice send(String messageId) throws Exception {
        String transportId = gateway.send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        Message status = gateway.receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private List<PartnerHttpsServer.Post> postsOf(String messageId) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> !matching(messageId).isEmpty());
        return matching(messageId);
    }

    private List<PartnerHttpsServer.Post> matching(String messageId) {
        return europol.posts().stream()
                .filter(post -> new String(post.body(), StandardCharsets.UTF_8).contains(messageId)).toList();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
