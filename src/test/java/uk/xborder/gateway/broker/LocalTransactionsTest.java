package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.testsupport.EmbeddedBrokers;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The gateway's transacted queues on its JMS component: what a route sends while it handles a message commits with the
 * removal of that message, or rolls back with it. No duplicate-detection id is set here, so a send that escaped a
 * rolled-back pass would show as a second copy.
 */
class LocalTransactionsTest {

    private static final String IN = "gw.agency.police-scotland.out";
    private static final String OUT = "gw.partner.nca.out";

    @TempDir
    Path data;

    private EmbeddedBroker broker;
    private DefaultCamelContext camel;
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger passes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedBrokers.shipped(data, RunningGateway.freePort());
        broker.start();
        camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsConnections.pooledComponent(camel, broker.inVmUrl(), broker.gatewayUser(),
                Optional.of(broker.gatewayPassword()), 4));
        // A lambda, not a RouteBuilder subclass: the gateway's Camel Main scans this package for those.
        RouteBuilder.addRoutes(camel, routes -> routes
                .from("jms:queue:" + IN + "?transacted=true&mapJmsMessage=false").routeId("relay")
                        .process(exchange -> {
                            passes.incrementAndGet();
                            Message received = exchange.getMessage().getBody(Message.class);
                            exchange.getMessage().setBody(((TextMessage) received).getText());
                        })
                        .to("jms:queue:" + OUT)
                        .process(exchange -> {
                            if (failOnce.remove(exchange.getMessage().getBody(String.class))) {
                                failures.incrementAndGet();
                                throw new IllegalStateException("a fault after the send, before the commit");
                            }
                        }));
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        broker.stop();
    }

    @Test
    void aSendOfAPassThatFailsIsRolledBackWithItAndTheRedeliveryIsTheOnlyCopy() throws Exception {
        failOnce.add("first");

        send("first", "second");

        List<String> received = receive(2);
        assertThat(failures).hasValue(1);
        assertThat(passes).hasValue(3);
        assertThat(received).containsExactlyInAnyOrder("first", "second");
        assertThat(receive(1, Duration.ofMillis(500))).as("a copy sent by the pass that rolled back").isEmpty();
        assertThat(browse(IN)).as("left on the agency queue").isEmpty();
    }

    @Test
    void theConsumerKeepsItsSessionAndConsumerFromMessageToMessage() throws Exception {
        JmsEndpoint endpoint = (JmsEndpoint) camel.getRoute("relay").getEndpoint();

        assertThat(endpoint.getConfiguration().isLazyCreateTransactionManager()).isFalse();
        assertThat(endpoint.getConfiguration().getTransactionManager()).isNull();
        assertThat(endpoint.getConfiguration().getCacheLevelName()).isEqualTo("CACHE_CONSUMER");
        assertThat(endpoint.getConfiguration().getDestinationResolver()).isInstanceOf(ResolvedDestinations.class);

        send("a", "b", "c");
        assertThat(receive(3)).containsExactlyInAnyOrder("a", "b", "c");
    }

    private void send(String... bodies) throws Exception {
        try (Connection connection = EmbeddedBrokers.asGateway(broker)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producer = session.createProducer(session.createQueue(IN));
            for (String body : bodies) {
                producer.send(session.createTextMessage(body));
            }
        }
    }

    private List<String> receive(int count) throws Exception {
        return receive(count, Duration.ofSeconds(30));
    }

    private List<String> receive(int count, Duration wait) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (Connection connection = EmbeddedBrokers.asGateway(broker)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(OUT));
            long deadline = System.nanoTime() + wait.toNanos();
            while (bodies.size() < count) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                Message message = left > 0 ? consumer.receive(left) : null;
                if (message == null) {
                    break;
                }
                bodies.add(((TextMessage) message).getText());
            }
        }
        return bodies;
    }

    private List<Message> browse(String queueName) throws Exception {
        try (Connection connection = EmbeddedBrokers.asGateway(broker)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(queueName);
            return Collections.list(session.createBrowser(queue).getEnumeration());
        }
    }
}
