package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.testsupport.EmbeddedBrokers;
import uk.xborder.gateway.testsupport.RunningGateway;

/** Destination names resolved once per broker, on the gateway's own embedded broker. */
class ResolvedDestinationsTest {

    private static final String QUEUE = "gw.partner.nca.out";

    @TempDir
    Path data;

    private EmbeddedBroker broker;
    private Connection connection;
    private final AtomicInteger sessionLookups = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedBrokers.shipped(data, RunningGateway.freePort());
        broker.start();
        connection = EmbeddedBrokers.asGateway(broker);
        connection.start();
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        broker.stop();
    }

    @Test
    void aNameIsLookedUpOnceAndTheSameDestinationServesEverySessionAfterwards() throws Exception {
        ResolvedDestinations destinations = new ResolvedDestinations();
        Session first = counting(connection.createSession(true, Session.SESSION_TRANSACTED));
        Session second = counting(connection.createSession(true, Session.SESSION_TRANSACTED));

        Destination resolved = destinations.resolveDestinationName(first, QUEUE, false);
        Destination again = destinations.resolveDestinationName(first, QUEUE, false);
        Destination onAnotherSession = destinations.resolveDestinationName(second, QUEUE, false);

        assertThat(resolved).isInstanceOf(Queue.class);
        assertThat(((Queue) resolved).getQueueName()).isEqualTo(QUEUE);
        assertThat(again).isSameAs(resolved);
        assertThat(onAnotherSession).isSameAs(resolved);
        assertThat(sessionLookups).as("lookups on the broker").hasValue(1);
    }

    @Test
    void aQueueAndATopicOfTheSameNameAreKeptApart() throws Exception {
        ResolvedDestinations destinations = new ResolvedDestinations();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);

        Destination queue = destinations.resolveDestinationName(session, "gw.same.name", false);
        Destination topic = destinations.resolveDestinationName(session, "gw.same.name", true);

        assertThat(queue).isInstanceOf(Queue.class).isNotInstanceOf(Topic.class);
        assertThat(topic).isInstanceOf(Topic.class);
    }

    @Test
    void messagesSentToTheSharedDestinationFromSeveralTransactionsEachArriveOnce() throws Exception {
        ResolvedDestinations destinations = new ResolvedDestinations();
        for (int i = 0; i < 3; i++) {
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                 MessageProducer anonymous = session.createProducer(null)) {
                anonymous.send(destinations.resolveDestinationName(session, QUEUE, false),
                        session.createTextMessage("report " + i));
                session.commit();
            }
        }

        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE))) {
            for (int i = 0; i < 3; i++) {
                TextMessage received = (TextMessage) consumer.receive(10_000);
                assertThat(received).as("message %d", i).isNotNull();
                assertThat(received.getText()).isEqualTo("report " + i);
            }
            assertThat(consumer.receive(200)).as("a copy too many").isNull();
        }
    }

    /** The session, counting the destination lookups made through it. */
    private Session counting(Session session) {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createQueue") || method.getName().equals("createTopic")) {
                        sessionLookups.incrementAndGet();
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
