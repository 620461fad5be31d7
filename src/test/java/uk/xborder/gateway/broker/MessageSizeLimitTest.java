package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.DirectoryListing;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.ExampleBrokerUsers;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.GeneratedBody;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * The embedded broker refuses, at the send, a message larger than {@code gateway.broker.embedded.max-message-bytes}
 * (32 MiB by default), however the real Artemis client sends it: streamed in chunks as a large message, or in one
 * packet. The sender's send fails with the reason, the broker and the connection stay up, and the next message goes
 * through the gateway as usual.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageSizeLimitTest {

    private static final String PS = "police-scotland";
    private static final String QUEUE = "gw.agency." + PS + ".out";
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void aFortyMegabyteMessageStreamedInChunksFailsItsSendAndLeavesNothingOnTheBroker() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        try (BrokerClient agency = agencyClient(gateway, "")) {
            assertThatThrownBy(() -> agency.send(QUEUE, GeneratedBody.bytesMessage(agency, 40L * MIB)))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("more than this broker accepts (33554432 bytes)");

            String next = agency.send(QUEUE, agency.text(report()));
            assertThat(outcome(gateway, next)).isEqualTo("ACCEPTED");
        }
        // What the broker wrote of the refused message before the limit goes with the sender's session.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(DirectoryListing.of(gateway.dataDirectory().resolve("broker/large-messages"))).isEmpty());
    }

    @Test
    void aMessageSentInOnePacketIsMeasuredWhole() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        // a client whose large-message threshold is above the message sends it as one packet
        try (BrokerClient agency = agencyClient(gateway, "?minLargeMessageSize=" + 64 * MIB)) {
            assertThatThrownBy(() -> agency.send(QUEUE, agency.bytes(new byte[33 * MIB])))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("The message is")
                    .hasMessageContaining("more than this broker accepts (33554432 bytes)");

            String next = agency.send(QUEUE, agency.text(report()));
            assertThat(outcome(gateway, next)).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void aTransactedSenderCannotCommitTheRefusedMessage() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        try (BrokerClient agency = agencyClient(gateway, "")) {
            Session transacted = agency.connection().createSession(true, Session.SESSION_TRANSACTED);
            try (MessageProducer producer = transacted.createProducer(transacted.createQueue(QUEUE))) {
                Message tooLarge = transacted.createBytesMessage();
                tooLarge.setObjectProperty("JMS_AMQ_InputStream", GeneratedBody.stream(40L * MIB));
                Message report = transacted.createTextMessage(report());
                try {
                    producer.send(tooLarge);
                    producer.send(report);
                } catch (JMSException refusedAtTheSend) {
                    // a blocking send hears of it at once; either way the transaction must not commit
                    producer.send(report);
                }
                assertThatThrownBy(transacted::commit).isInstanceOf(JMSException.class);
                assertThat(gateway.receive("gw.agency." + PS + ".status",
                        "GwTransportMessageId = '" + report.getJMSMessageID() + "'", 1_000))
                        .as("the other message of the refused transaction").isNull();
            } finally {
                transacted.close();
            }
        }
    }

    @Test
    void aBrokerLimitBelowWhatTheGatewayAcceptsFromAgenciesStopsTheStartNamingBothSettings() {
        assertThatThrownBy(() -> RunningGateway.start(Map.of(
                "gateway.broker.embedded.max-message-bytes", Integer.toString(16 * MIB))).close())
                .hasStackTraceContaining("gateway.broker.embedded.max-message-bytes")
                .hasStackTraceContaining("gateway.max-message-bytes is 10485760 bytes");
    }

    @Test
    void aBrokerLimitBelowWhatTheGatewayAcceptsFromPartnersStopsTheStartNamingBothSettings() {
        assertThatThrownBy(() -> RunningGateway.start(Map.of(
                "gateway.inbound.max-envelope-bytes", Integer.toString(40 * MIB))).close())
                .hasStackTraceContaining("gateway.broker.embedded.max-message-bytes")
                .hasStackTraceContaining("gateway.inbound.max-envelope-bytes is 41943040 bytes");
    }

    private static BrokerClient agencyClient(RunningGateway gateway, String urlOptions) throws JMSException {
        return BrokerClient.login(gateway.brokerUrl() + urlOptions, PS, ExampleBrokerUsers.password(PS));
    }

    private static String report() {
        return Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR")).xml();
    }

    private static String outcome(RunningGateway gateway, String transportId) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", 20_000);
        assertThat(status).as("a status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status)).outcome();
    }
}
