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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.GatewayApplication;
import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.EmbeddedBrokers;
import uk.xborder.gateway.testsupport.ExampleBrokerUsers;
import uk.xborder.gateway.testsupport.DirectoryListing;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GeneratedBody;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * A message far larger than the gateway's heap is refused from its declared length, kept on gw.rejected from a spool
 * file, and never read into memory: the gateway runs in a child JVM with a 96 MiB heap (and stops at the first
 * OutOfMemoryError), its broker set to take messages up to 256 MiB, and an agency sends it a 200 MiB bytes message.
 * The gateway refuses it as MESSAGE_TOO_LARGE, stays up, and takes the next message as usual.
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
        if (gateway != null) {
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
            assertThat(notice.explanation()).contains(BODY + " bytes").contains("10485760");
            assertThat(gateway.isAlive()).as("the gateway is still running; its log: %s", tail()).isTrue();

            String next = agency.send("gw.agency." + PS + ".out", agency.text(Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR")).xml()));
            assertThat(notice(agency, next).outcome()).isEqualTo("ACCEPTED");

            try (BrokerClient operator = BrokerClient.login(brokerUrl, ExampleBrokerUsers.OPERATOR,
                    ExampleBrokerUsers.password(ExampleBrokerUsers.OPERATOR))) {
                assertThat(keptOnRejected(operator, huge)).as("the original, whole, on gw.rejected")
                        .isEqualTo(GeneratedBody.sha256(BODY));
            }
        }
        assertThat(gateway.isAlive()).as("the gateway is still running; its log: %s", tail()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(DirectoryListing.of(dataDirectory.resolve("spool"))).as("spool files left").isEmpty());
    }

    private StatusNotices.Notice notice(BrokerClient agency, String transportId) throws Exception {
        Message status = agency.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '" + transportId + "'",
                WAIT);
        assertThat(status).as("a status notice; the gateway's log: %s", tail()).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    /** The SHA-256 of the kept body, streamed from the broker: the test's heap never holds it either. */
    private static String keptOnRejected(BrokerClient operator, String transportId) throws Exception {
        Session session = operator.session();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue("gw.rejected"),
                "GwTransportMessageId = '" + transportId + "'")) {
            Message kept = consumer.receive(WAIT);
            assertThat(kept).as("kept on gw.rejected").isInstanceOf(BytesMessage.class);
            assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo("MESSAGE_TOO_LARGE");
            assertThat(((BytesMessage) kept).getBodyLength()).isEqualTo(BODY);
            return GeneratedBody.sha256((BytesMessage) kept);
        }
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
