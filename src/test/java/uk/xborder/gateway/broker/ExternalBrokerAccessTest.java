package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.testsupport.BrokerAccessMatrix;
import uk.xborder.gateway.testsupport.BrokerAccessProbe;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.ExampleBrokerUsers;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StandaloneArtemis;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * The external broker's configuration shipped in {@code docker/artemis/} (for the compose file) keeps the same
 * permission model as the embedded broker: the Artemis distribution, run with exactly those files (only its acceptor
 * moved to a free port on loopback), answers every user on every address as the access matrix says; and a gateway
 * runs on it as the compose file's nodes do, logged in as its user over TCP, taking an agency's message as from the
 * user the broker stamped on it.
 */
class ExternalBrokerAccessTest {

    private static final String GATEWAY = "gateway";

    private static StandaloneArtemis broker;

    @BeforeAll
    static void start() throws Exception {
        broker = StandaloneArtemis.createWithConfiguration(
                RunningGateway.projectDirectory().resolve("docker/artemis"), GATEWAY,
                ExampleBrokerUsers.password(GATEWAY));
        broker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyUserOnEveryAddressGetsTheAnswerOfTheMatrix() throws Exception {
        BrokerAccessMatrix.Login login = (user, password) -> BrokerAccessProbe.login(broker.url(), user, password);

        // europol-ops is an agency of the other gateway of config/two-gateways: this broker has no user for it.
        List<String> users = BrokerAccessMatrix.USERS.stream().filter(user -> !user.equals("europol-ops")).toList();

        assertThat(BrokerAccessMatrix.disagreements(login, GATEWAY, ExampleBrokerUsers.password(GATEWAY), users))
                .isEmpty();
    }

    @Test
    void aGatewayOnThisBrokerTakesAnAgencysMessageFromItsOwnUserAndNoOtherMayPutOneThere() throws Exception {
        Path data = Files.createTempDirectory("external-broker-gateway");
        Path password = Files.writeString(data.resolve("broker-password"), ExampleBrokerUsers.password(GATEWAY));
        try (RunningGateway gateway = RunningGateway.start(Map.of(
                "gateway.broker.embedded", "false",
                "gateway.broker.url", broker.url(),
                "gateway.broker.user", GATEWAY,
                "gateway.broker.password-env", "",
                "gateway.broker.password-file", password.toString()))) {
            String messageId = Examples.uniqueId("PS-IR");
            String transportId = gateway.send("police-scotland", Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());

            Message status = gateway.receive("gw.agency.police-scotland.status",
                    "GwTransportMessageId = '" + transportId + "'", 30_000);
            assertThat(status).as("status notice").isNotNull();
            assertThat(StatusNotices.parse(RunningGateway.bodyBytes(status)).outcome()).isEqualTo("ACCEPTED");
            assertThat(gateway.receive("gw.partner.europol.out", "GwMessageId = '" + messageId + "'", 30_000))
                    .as("europol's envelope, read as europol").isNotNull();
            BrokerClient nca = gateway.client("nca");
            assertThatThrownBy(() -> nca.send("gw.agency.police-scotland.out", nca.text("<x/>")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void theComposeFileMountsTheseFilesAndTheGatewayLogsInWithThem() throws Exception {
        String compose = Files.readString(RunningGateway.projectDirectory()
                .resolve("docker/compose.yaml"));

        assertThat(compose).contains("./artemis:/var/lib/artemis-instance/etc-override:ro")
                .contains("GATEWAY_BROKER_USER: " + GATEWAY)
                .contains("GATEWAY_BROKER_PASSWORD: " + ExampleBrokerUsers.password(GATEWAY));
    }
}
