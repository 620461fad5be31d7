package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import uk.xborder.gateway.GatewayApplication;
import uk.xborder.gateway.audit.log.AuditLog;

/**
 * The real gateway, started in-process exactly as {@code GatewayApplication} starts it, on its embedded broker with
 * a fresh data directory and a free port; plus a JMS client connected over TCP as an agency or partner would be.
 */
public final class RunningGateway implements AutoCloseable {

    private static final AtomicInteger IN_VM_IDS = new AtomicInteger(100);

    private final Path dataDirectory;
    private final int port;
    private final int httpPort;
    private final Map<String, String> overrides;
    private final Map<String, Object> beans;
    private Main main;
    private Connection connection;
    private Session session;

    private RunningGateway(Path dataDirectory, int port, Map<String, String> overrides, Map<String, Object> beans)
            throws IOException {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.httpPort = freePort();
        this.overrides = overrides;
        this.beans = beans;
    }

    public static RunningGateway start() throws Exception {
        return start(Map.of());
    }

    /** Starts with settings overridden, e.g. a partner directory written by the test. */
    public static RunningGateway start(Map<String, String> overrides) throws Exception {
        return start(overrides, Map.of());
    }

    /**
     * Starts with settings overridden and beans bound before start-up, in place of those the gateway would make
     * (the ones {@code GatewayConfiguration} looks up first, e.g. {@code clock} or {@code formatRegistry}).
     */
    public static RunningGateway start(Map<String, String> overrides, Map<String, Object> beans) throws Exception {
        RunningGateway gateway = new RunningGateway(Files.createTempDirectory("gateway-test"), freePort(), overrides,
                beans);
        gateway.boot();
        return gateway;
    }

    /** Stops and starts the gateway again on the same data directory and port: a restart. */
    public void restart() throws Exception {
        shutdown();
        boot();
    }

    private void boot() throws Exception {
        Path base = projectDirectory();
        main = new Main(GatewayApplication.class);
        Map<String, String> settings = new HashMap<>();
        settings.put("gateway.data-dir", dataDirectory.toString());
        settings.put("gateway.directory", base.resolve("config/directory.yaml").toString());
        settings.put("gateway.identity.certificate", base.resolve("certs-example/gateway/cert.pem").toString());
        settings.put("gateway.identity.key", base.resolve("certs-example/gateway/key.pem").toString());
        settings.put("gateway.audit.identity.certificate", base.resolve("certs-example/audit/cert.pem").toString());
        settings.put("gateway.audit.identity.key", base.resolve("certs-example/audit/key.pem").toString());
        settings.put("gateway.broker.url", "vm://" + IN_VM_IDS.incrementAndGet());
        settings.put("gateway.broker.embedded.port", Integer.toString(port));
        settings.put("camel.server.port", Integer.toString(httpPort));
        settings.put("camel.management.port", Integer.toString(httpPort));
        settings.put("gateway.api.users", base.resolve("config/users.yaml").toString());
        settings.put("gateway.audit.trust", base.resolve("certs-example/uk-root-ca/cert.pem").toString());
        settings.put("gateway.delivery.retries", "1");
        settings.put("gateway.delivery.retry-delay-ms", "50");
        settings.putAll(overrides);
        settings.forEach(main::addOverrideProperty);
        beans.forEach(main::bind);
        main.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        connection = factory.createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    public static Path projectDirectory() {
        return Path.of(System.getProperty("gateway.test.basedir", ".")).toAbsolutePath();
    }

    /** The base URL of the auditors' REST API and the health and metrics endpoints. */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The URL agency systems use to reach this gateway's embedded broker. */
    public String brokerUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** The gateway's durable audit log, read back for assertions. */
    public AuditTrailView audit() {
        return new AuditTrailView(context().getRegistry().lookupByNameAndType("auditLog", AuditLog.class));
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Puts a message on the agency's outbound queue as a text message; returns its JMS message id. */
    public String send(String agency, String xml) throws JMSException {
        return sendTo("gw.agency." + agency + ".out", session.createTextMessage(xml));
    }

    /** Puts a message on the agency's outbound queue as a bytes message; returns its JMS message id. */
    public String sendBytes(String agency, byte[] xml) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(xml);
        return sendTo("gw.agency." + agency + ".out", message);
    }

    /** Puts a partner's transport envelope on the gateway's inbound queue, gw.inbound; returns its JMS message id. */
    public String sendEnvelope(byte[] envelope) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(envelope);
        return sendTo("gw.inbound", message);
    }

    /**
     * Puts a message on the agency's outbound queue naming a reply-to queue, as a client that expects request-reply
     * would; returns its JMS message id.
     */
    public String sendWithReplyTo(String agency, String xml, String replyQueue) throws JMSException {
        Message message = session.createTextMessage(xml);
        message.setJMSReplyTo(session.createQueue(replyQueue));
        return sendTo("gw.agency." + agency + ".out", message);
    }

    private String sendTo(String queue, Message message) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message);
            return message.getJMSMessageID();
        }
    }

    /** Waits up to the timeout for the next message on a queue, taking it off the queue. */
    public Message receive(String queue, long timeoutMillis) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            return materialised(consumer.receive(timeoutMillis));
        }
    }

    /**
     * Waits up to the timeout for the next message on a queue that matches a JMS selector, e.g.
     * {@code GwMessageId = 'PS-1'}, taking it off the queue. Tests share queues, so they select their own messages.
     */
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

    /** The messages on a queue, left in place. */
    public List<Message> browse(String queue) throws JMSException {
        Queue q = session.createQueue(queue);
        try (QueueBrowser browser = session.createBrowser(q)) {
            return Collections.list(browser.getEnumeration()).stream().map(Message.class::cast).toList();
        }
    }

    public static byte[] bodyBytes(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return message.getBody(byte[].class);
    }

    public static String bodyText(Message message) throws JMSException {
        return new String(bodyBytes(message), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void shutdown() throws Exception {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (main != null) {
            main.stop();
            main = null;
        }
    }

    @Override
    public void close() throws Exception {
        shutdown();
    }

    /** A port nothing listens on now, on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
