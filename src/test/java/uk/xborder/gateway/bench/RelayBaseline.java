package uk.xborder.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import uk.xborder.gateway.broker.BrokerPermissions;
import uk.xborder.gateway.broker.EmbeddedBroker;
import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.testsupport.EmbeddedBrokers;

/**
 * The bare relay the exchange is measured against, run in a JVM of its own with the gateway's memory options: the
 * gateway's embedded broker, built from the same settings and directory as the gateway builds it (persistent, NIO
 * journal, the same permissions, users and memory bound), and one consumer (bench.consumers: as many as the
 * gateway has), each logged in as the gateway's in-VM user with a session of its own, that takes each message from
 * the agency's queue and, in one local transaction, puts its body on the three partner queues and a notice on the
 * agency's status queue: the broker work an exchange cannot do without, and nothing else.
 * <p>
 * The notice carries the harness's {@value ExchangeLoad#ID_PROPERTY} as its correlation id, as the gateway's carries
 * the message id. The relay writes {@code relay.ready} in its data directory once it consumes, and runs until killed.
 */
public final class RelayBaseline {

    static final String AGENCY_QUEUE = "gw.agency.police-scotland.out";
    static final String STATUS_QUEUE = "gw.agency.police-scotland.status";
    static final List<String> PARTNER_QUEUES =
            List.of("gw.partner.europol.out", "gw.partner.spoc-ie.out", "gw.partner.nca.out");
    static final String READY_FILE = "relay.ready";
    /** How many consumers relay side by side (bench.consumers), each in its own session and transaction. */
    static final String CONSUMERS_PROPERTY = "relay.consumers";

    private RelayBaseline() {
    }

    public static void main(String[] args) throws Exception {
        GatewaySettings settings = GatewaySettings.load();
        EmbeddedBroker broker = new EmbeddedBroker(settings.dataDir(), settings.broker(),
                BrokerPermissions.of(EmbeddedBrokers.directory(settings.directoryFile())));
        broker.start();
        Secret password = broker.gatewayPassword();
        Connection connection;
        try {
            connection = new ActiveMQConnectionFactory(broker.inVmUrl())
                    .createConnection(broker.gatewayUser(), new String(password.chars()));
        } finally {
            password.destroy();
        }
        connection.start();
        int consumers = Integer.getInteger(CONSUMERS_PROPERTY, 1);
        List<Thread> relays = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            // A JMS session is for one thread: each consumer has its own, as each of the gateway's has.
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(AGENCY_QUEUE));
            List<MessageProducer> partners = PARTNER_QUEUES.stream().map(q -> producer(session, q)).toList();
            MessageProducer status = producer(session, STATUS_QUEUE);
            relays.add(new Thread(() -> relayUntilKilled(session, consumer, partners, status), "relay-" + i));
        }
        relays.forEach(Thread::start);
        Files.writeString(settings.dataDir().resolve(READY_FILE), "ready");
        for (Thread relay : relays) {
            relay.join();
        }
    }

    private static void relayUntilKilled(Session session, MessageConsumer consumer, List<MessageProducer> partners,
                                         MessageProducer status) {
        try {
            while (true) {
                Message taken = consumer.receive(1_000);
                if (taken == null) {
                    continue;
                }
                relay(session, taken, partners, status);
                session.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the relay stopped", e);
        }
    }

    private static void relay(Session session, Message taken, List<MessageProducer> partners,
                              MessageProducer status) throws Exception {
        String id = taken.getStringProperty(ExchangeLoad.ID_PROPERTY);
        byte[] body = taken instanceof TextMessage text
                ? text.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : taken.getBody(byte[].class);
        for (MessageProducer partner : partners) {
            BytesMessage envelope = session.createBytesMessage();
            envelope.writeBytes(body);
            envelope.setStringProperty("GwMessageId", id);
            partner.send(envelope);
        }
        TextMessage notice = session.createTextMessage("<StatusNotice>ACCEPTED " + id + "</StatusNotice>");
        notice.setJMSCorrelationID(id);
        status.send(notice);
    }

    private static MessageProducer producer(Session session, String queue) {
        try {
            return session.createProducer(session.createQueue(queue));
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + queue, e);
        }
    }

    /** Where the relay says it is consuming. */
    static Path readyFile(Path dataDirectory) {
        return dataDirectory.resolve(READY_FILE);
    }
}
