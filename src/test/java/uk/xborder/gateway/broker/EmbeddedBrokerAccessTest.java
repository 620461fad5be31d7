package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.testsupport.BrokerAccessMatrix;
import uk.xborder.gateway.testsupport.BrokerAccessProbe;
import uk.xborder.gateway.testsupport.EmbeddedBrokers;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The embedded broker, as shipped (example directory, users and roles), answers every user on every address as the
 * access matrix says: each agency only its own three queues, each partner only the drops and its own queues, the
 * operator only the holding queues, nobody anonymous, and only the gateway creates, deletes or manages. The gateway
 * is tried over its in-VM connection, everyone else over TCP.
 */
class EmbeddedBrokerAccessTest {

    @TempDir
    Path data;

    private EmbeddedBroker broker;
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = RunningGateway.freePort();
        broker = EmbeddedBrokers.shipped(data, port);
        broker.start();
    }

    @AfterEach
    void stop() throws Exception {
        broker.stop();
    }

    @Test
    void everyUserOnEveryAddressGetsTheAnswerOfTheMatrix() throws Exception {
        Secret gatewayPassword = broker.gatewayPassword();
        String password = new String(gatewayPassword.chars());
        gatewayPassword.destroy();

        BrokerAccessMatrix.Login login = (user, secret) -> BrokerAccessProbe.login(
                BrokerLogins.GATEWAY_USER.equals(user) ? broker.inVmUrl() : "tcp://127.0.0.1:" + port,
                user, secret);

        assertThat(BrokerAccessMatrix.disagreements(login, BrokerLogins.GATEWAY_USER, password)).isEmpty();
    }

    @Test
    void theGatewaysOwnUserCannotLogInOverTcpWithoutItsPasswordWhichIsMadeAtEachStart() throws Exception {
        Secret first = broker.gatewayPassword();
        String before = new String(first.chars());
        broker.stop();
        broker = EmbeddedBrokers.shipped(data, port);
        broker.start();
        Secret second = broker.gatewayPassword();

        assertThat(new String(second.chars())).isNotEqualTo(before).hasSizeGreaterThanOrEqualTo(43);
        try (BrokerAccessProbe ignored = BrokerAccessProbe.login("tcp://127.0.0.1:" + port,
                BrokerLogins.GATEWAY_USER, before)) {
            throw new AssertionError("the previous start's gateway password still logs in");
        } catch (org.apache.activemq.artemis.api.core.ActiveMQSecurityException refused) {
            assertThat(refused).hasMessageContaining("Unable to validate user");
        }
    }
}
