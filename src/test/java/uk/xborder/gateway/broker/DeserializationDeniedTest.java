package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;

import org.apache.camel.component.jms.JmsComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RecordsDeserialization;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The Artemis connection factories the gateway builds deserialize no Java object: an ObjectMessage's
 * {@code getObject()} fails before the class in it is read, so a gadget's {@code readObject} never runs. The gateway's
 * own connection ({@code jms}) is checked as it runs; partner brokers and the {@code gw} tool take their factories
 * from the same {@link JmsConnections#connectionFactory(String)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeserializationDeniedTest {

    private static final String QUEUE = "test.objects";

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void theGatewaysOwnConnectionsRefuseToDeserializeAnObject() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        ConnectionFactory gatewaysOwn = gateway.context().getComponent("jms", JmsComponent.class)
                .getConfiguration().getConnectionFactory();
        sendObject(gateway, "to the gateway's own connection");
        int before = RecordsDeserialization.reads();

        try (Connection connection = gatewaysOwn.createConnection()) {
            ObjectMessage received = receive(connection);
            assertThatThrownBy(received::getObject).isInstanceOf(JMSException.class)
                    .hasMessageContaining("not trusted to be deserialized");
        }
        assertThat(RecordsDeserialization.reads()).as("readObject calls").isEqualTo(before);
    }

    @Test
    void everyFactoryMadeForABrokerRefusesToDeserializeAnObjectWhateverItsUrlAllows() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        EmbeddedBroker broker = gateway.context().hasService(EmbeddedBroker.class);
        sendObject(gateway, "to a partner broker's or the tool's connection");
        int before = RecordsDeserialization.reads();

        Secret password = broker.gatewayPassword();
        try (Connection connection = JmsConnections
                .connectionFactory(broker.inVmUrl() + "?deserializationAllowList=*")
                .createConnection(broker.gatewayUser(), new String(password.chars()))) {
            ObjectMessage received = receive(connection);
            assertThatThrownBy(received::getObject).isInstanceOf(JMSException.class)
                    .hasMessageContaining("not trusted to be deserialized");
        } finally {
            password.destroy();
        }
        assertThat(RecordsDeserialization.reads()).as("readObject calls").isEqualTo(before);
    }

    /** What an unguarded client would do with the same message, so that the checks above can fail. */
    @Test
    void aClientWithoutTheDenyListWouldRunTheObjectsReadObject() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        sendObject(gateway, "to an unguarded client");
        int before = RecordsDeserialization.reads();
        try (BrokerClient unguarded = gateway.gatewayClient()) {
            Message received = unguarded.receive(QUEUE, null, 10_000);
            assertThat(((ObjectMessage) received).getObject()).isInstanceOf(RecordsDeserialization.class);
        }
        assertThat(RecordsDeserialization.reads()).isEqualTo(before + 1);
    }

    private static void sendObject(RunningGateway gateway, String marker) throws JMSException {
        try (BrokerClient gatewayUser = gateway.gatewayClient()) {
            gatewayUser.send(QUEUE, gatewayUser.session().createObjectMessage(new RecordsDeserialization(marker)));
        }
    }

    private static ObjectMessage receive(Connection connection) throws JMSException {
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE))) {
            Message received = consumer.receive(10_000);
            assertThat(received).as("the object message").isInstanceOf(ObjectMessage.class);
            return (ObjectMessage) received;
        }
    }
}
