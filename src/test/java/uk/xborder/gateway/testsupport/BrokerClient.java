package uk.xborder.gateway.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A JMS client of a broker logged in as one user, as an agency's, partner's or operator's system would be: one
 * connection, one session (not transacted, auto-acknowledge), used by one thread at a time.
 */
public final class BrokerClient implements AutoCloseable {

    private final String user;
    private final Connection connection;
    private final Session session;

    private BrokerClient(String user, Connection connection) throws JMSException {
        this.user = user;
        this.connection = connection;
        try {
            connection.start();
            this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Logs in to the broker at {@code url} as {@code user} with that password. */
    public static BrokerClient login(String url, String user, String password) throws JMSException {
        return new BrokerClient(user, new ActiveMQConnectionFactory(url).createConnection(user, password));
    }

    /** Logs in as one of the example users, with its published example password. */
    public static BrokerClient asExampleUser(String url, String user) throws JMSException {
        return login(url, user, ExampleBrokerUsers.password(user));
    }

    public String user() {
        return user;
    }

    public Session session() {
        return session;
    }

    /** The client's connection, for a session of another kind (transacted). */
    public Connection connection() {
        return connection;
    }

    public TextMessage text(String body) throws JMSException {
        return session.createTextMessage(body);
    }

    public BytesMessage bytes(byte[] body) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        return message;
    }

    /** Sends the message to a queue; returns its JMS message id. */
    public String send(String queue, Message message) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message);
            return message.getJMSMessageID();
        }
    }

    /** Waits up to the timeout for the next message on a queue that matches the selector (null: any). */
    public Message receive(String queue, String selector, long timeoutMillis) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
            return materialised(consumer.receive(timeoutMillis));
        }
    }

    /** Takes every message currently on a queue. */
    public List<Message> drain(String queue) throws JMSException {
        List<Message> messages = new ArrayList<>();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            Message next;
            while ((next = consumer.receive(200)) != null) {
                messages.add(materialised(next));
            }
        }
        return messages;
    }

    /** The messages on a queue, left in place. */
    public List<Message> browse(String queue) throws JMSException {
        try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            return Collections.list(browser.getEnumeration()).stream().map(Message.class::cast).toList();
        }
    }

    /**
     * A large message streams its body from the broker while its consumer is open; read it now so that the test can
     * look at it after the consumer is closed.
     */
    private static Message materialised(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            bytes.getBody(byte[].class);
            bytes.reset();
        }
        return message;
    }

    public static String bodyText(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        return new String(message.getBody(byte[].class), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
