package uk.xborder.gateway.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import uk.xborder.gateway.xml.SafeXmlParser;

/**
 * A small command-line client for trying the gateway out and for operators' checks: put a file on an agency queue,
 * take a message off any queue into a file, and extract the CMS payload of a transport envelope for OpenSSL.
 *
 * <pre>
 *   send AGENCY FILE                    put FILE on gw.agency.AGENCY.out
 *   receive QUEUE FILE [SECONDS]        take the next message off QUEUE into FILE, print its headers
 *   payload ENVELOPE_FILE DER_FILE      write the envelope's Payload (CMS, DER) to DER_FILE
 * </pre>
 * The broker URL is {@code tcp://127.0.0.1:61616} unless {@code GATEWAY_CLIENT_BROKER} says otherwise.
 */
public final class GatewayClient {

    private final PrintStream out;
    private final String brokerUrl;

    public GatewayClient(PrintStream out, String brokerUrl) {
        this.out = out;
        this.brokerUrl = brokerUrl;
    }

    public static void main(String[] args) throws Exception {
        String broker = System.getenv().getOrDefault("GATEWAY_CLIENT_BROKER", "tcp://127.0.0.1:61616");
        System.exit(new GatewayClient(System.out, broker).run(args));
    }

    public int run(String... args) throws Exception {
        if (args.length >= 3 && args[0].equals("send")) {
            return send(args[1], Path.of(args[2]));
        }
        if (args.length >= 3 && args[0].equals("receive")) {
            return receive(args[1], Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 10);
        }
        if (args.length == 3 && args[0].equals("payload")) {
            return payload(Path.of(args[1]), Path.of(args[2]));
        }
        out.println("usage: send AGENCY FILE | receive QUEUE FILE [SECONDS] | payload ENVELOPE_FILE DER_FILE");
        return 2;
    }

    private int send(String agency, Path file) throws Exception {
        try (Connection connection = connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage(Files.readString(file, StandardCharsets.UTF_8));
            try (MessageProducer producer = session.createProducer(session.createQueue(
                    "gw.agency." + agency + ".out"))) {
                producer.send(message);
            }
            out.println("sent " + file + " to gw.agency." + agency + ".out as " + message.getJMSMessageID());
            return 0;
        }
    }

    private int receive(String queue, Path file, int seconds) throws Exception {
        try (Connection connection = connect()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                Message message = consumer.receive(seconds * 1000L);
                if (message == null) {
                    out.println("no message on " + queue + " within " + seconds + " s");
                    return 1;
                }
                Files.write(file, body(message));
                out.println("received " + message.getJMSMessageID() + " from " + queue + " into " + file);
                List<?> properties = Collections.list(message.getPropertyNames());
                List<String> names = properties.stream().map(String::valueOf).filter(n -> n.startsWith("Gw")).sorted().toList();
                for (String name : names) {
                    out.println("  " + name + ": " + message.getStringProperty(name));
                }
                return 0;
            }
        }
    }

    private int payload(Path envelope, Path der) throws Exception {
        Document document = new SafeXmlParser().parse(Files.readAllBytes(envelope));
        Node payload = document.getElementsByTagNameNS("*", "Payload").item(0);
        if (payload == null) {
            out.println(envelope + " has no Payload element");
            return 1;
        }
        Files.write(der, Base64.getMimeDecoder().decode(payload.getTextContent().trim()));
        out.println("wrote the CMS payload of " + envelope + " to " + der);
        return 0;
    }

    private static byte[] body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText().getBytes(StandardCharsets.UTF_8);
        }
        if (message instanceof BytesMessage bytes) {
            return bytes.getBody(byte[].class);
        }
        throw new IllegalArgumentException("unexpected message type " + message.getClass().getSimpleName());
    }

    private Connection connect() throws JMSException {
        return new ActiveMQConnectionFactory(brokerUrl).createConnection();
    }
}
