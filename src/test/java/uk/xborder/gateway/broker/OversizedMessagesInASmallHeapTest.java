package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.GatewayApplication;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.exchange.ContentSealing;
import uk.xborder.gateway.exchange.ExchangeDetail;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.StorageKey;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.EmbeddedBrokers;
import uk.xborder.gateway.testsupport.ExampleBrokerUsers;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GeneratedBody;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * A message far larger than the gateway's heap is refused from its declared length and never read into memory: the
 * gateway runs in a child JVM with a 96 MiB heap (and stops at the first OutOfMemoryError), its broker set to take
 * messages up to 256 MiB, and an agency sends it a 200 MiB bytes message. The gateway refuses it as
 * MESSAGE_TOO_LARGE with its length and SHA-256, measured as it streamed past, stays up, and takes the next message
 * as usual. The exchange store records it REJECTED with that length and digest and keeps none of it; gw.rejected
 * gets a notice with its reference and no content; no file outside the broker journal holds it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizedMessagesInASmallHeapTest {

    private static final String PS = "police-scotland";
    private static final long BODY = 200L * 1024 * 1024;
    private static final long WAIT = 120_000;

    @TempDir
    static Path folder;
    private Process gateway;
    private Path dataDirectory;
    private String brokerUrl;
    private Path log;

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void startTheGatewayWithASmallHeap() throws Exception {
        dataDirectory = folder.resolve("data");
        int brokerPort = RunningGateway.freePort();
        int httpPort = RunningGateway.freePort();
        brokerUrl = "tcp://127.0.0.1:" + brokerPort;
        Map<String, String> settings = RunningGateway.settings(dataDirectory, brokerPort, httpPort);
        settings.putAll(ExampleBrokerUsers.settingsFor(
                EmbeddedBrokers.directory(Path.of(settings.get("gateway.directory"))), folder));
        settings.put(BrokerSettings.EMBEDDED_MAX_MESSAGE_BYTES, Long.toString(256L * 1024 * 1024));
        settings.put("gateway.broker.embedded.max-memory-mb", "16");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-cp", classPath()));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(GatewayApplication.class.getName());
        log = folder.resolve("gateway.log");
        gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/observe/health"))
                .timeout(Duration.ofSeconds(5)).build();
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    assertThat(gateway.isAlive()).as("the gateway is running; its log: %s", tail()).isTrue();
                    return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    @AfterAll
    void stopTheGateway() throws Exception {
        if (gateway != null && gateway.isAlive()) {
            gateway.descendants().forEach(ProcessHandle::destroyForcibly);
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aBodyOfTwoHundredMegabytesIsRefusedFromItsLengthAndTheGatewayTakesTheNextMessage() throws Exception {
        try (BrokerClient agency = BrokerClient.login(brokerUrl, PS, ExampleBrokerUsers.password(PS))) {
            String huge = agency.send("gw.agency." + PS + ".out", GeneratedBody.bytesMessage(agency, BODY));

            StatusNotices.Notice notice = notice(agency, huge);
            assertThat(notice.outcome()).isEqualTo("REJECTED");
            assertThat(notice.reasonCode()).isEqualTo("MESSAGE_TOO_LARGE");
            String sha256 = GeneratedBody.sha256(BODY);
            assertThat(notice.explanation()).contains(BODY + " bytes").contains("SHA-256 " + sha256)
                    .contains("10485760").contains("cannot be replayed");
            assertThat(gateway.isAlive()).as("the gateway is still running; its log: %s", tail()).isTrue();

            String next = agency.send("gw.agency." + PS + ".out", agency.text(Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR")).xml()));
            assertThat(notice(agency, next).outcome()).isEqualTo("ACCEPTED");

            String reference;
            try (BrokerClient operator = BrokerClient.login(brokerUrl, ExampleBrokerUsers.OPERATOR,
                    ExampleBrokerUsers.password(ExampleBrokerUsers.OPERATOR))) {
                reference = noticeOnRejected(operator, huge);
            }
            assertThat(reference).isEqualTo(ExchangeReferences.wholeMessage(notice.exchangeId()));
            assertThat(filesOutsideTheJournalOfAtLeast(BODY / 4)).as("files as large as a quarter of the body")
                    .isEmpty();
            assertThat(gateway.isAlive()).as("the gateway is still running; its log: %s", tail()).isTrue();

            // The embedded database is the gateway's alone while it runs: read the exchange store once it stopped.
            stopTheGateway();
            ExchangeDetail recorded = recordedExchange(reference);
            assertThat(recorded.exchange().state()).isEqualTo(ExchangeState.REJECTED);
            assertThat(recorded.exchange().reasonCode()).isEqualTo("MESSAGE_TOO_LARGE");
            assertThat(recorded.exchange().explanation()).contains(BODY + " bytes").contains("SHA-256 " + sha256);
            assertThat(recorded.content()).as("content kept of a message too large to read").isEmpty();
        }
    }

    private StatusNotices.Notice notice(BrokerClient agency, String transportId) throws Exception {
        Message status = agency.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '" + transportId + "'",
                WAIT);
        assertThat(status).as("a status notice; the gateway's log: %s", tail()).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    /** The notice on gw.rejected: the exchange reference (returned) as its body and in a header, and nothing else. */
    private static String noticeOnRejected(BrokerClient operator, String transportId) throws Exception {
        Session session = operator.session();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue("gw.rejected"),
                "GwTransportMessageId = '" + transportId + "'")) {
            Message notice = consumer.receive(WAIT);
            assertThat(notice).as("a notice on gw.rejected").isInstanceOf(TextMessage.class);
            assertThat(notice.getStringProperty("GwReasonCode")).isEqualTo("MESSAGE_TOO_LARGE");
            String reference = notice.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
            assertThat(((TextMessage) notice).getText()).as("the notice's body").isEqualTo(reference);
            return reference;
        }
    }

    /** Files under the data directory, outside the broker journal (which holds the message itself), that large. */
    private List<Path> filesOutsideTheJournalOfAtLeast(long bytes) throws IOException {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !dataDirectory.relativize(file).startsWith("broker"))
                    .filter(file -> file.toFile().length() >= bytes).toList();
        }
    }

    /** The exchange as the stopped gateway's embedded database has it, with a description of its content. */
    private ExchangeDetail recordedExchange(String reference) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(AuditStoreSettings.embedded(dataDirectory).jdbcUrl());
        // Only reads: the content, had any been kept, is described, not opened, so any key will do.
        ExchangeStore store = ExchangeStore.open(database, ContentSealing.of(StorageKey.generate(new SecureRandom(),
                "test"), List.of()), "test", Clock.systemUTC());
        return store.get(reference).orElseThrow(() -> new AssertionError("exchange " + reference + " not recorded"));
    }

    /**
     * The test class path without empty entries: surefire's ends in one, which stands for the working directory,
     * the project, whose routes/ Camel would then load a second time.
     */
    private static String classPath() {
        String entries = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(entries.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
