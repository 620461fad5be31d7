package uk.xborder.gateway.testsupport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.api.config.ActiveMQDefaultConfiguration;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * Tries, as one broker user, each thing a client can do on an address of an Artemis broker, with the core API, and
 * says which the broker allowed. Only the broker's security answer counts: anything else it says fails the probe.
 * <ul>
 *   <li>SEND a durable message (the send waits for the broker's answer);</li>
 *   <li>CONSUME and BROWSE: open a consumer or a browser on the queue of the address's name;</li>
 *   <li>CREATE_QUEUE: create another durable queue on the address; CREATE_ADDRESS: create the address (it exists);</li>
 *   <li>DELETE_QUEUE: delete a queue on the address that the gateway made for this probe ({@link #deletable});</li>
 * </ul>
 * and, for the broker as a whole, whether it may send a management message (read the broker's version; the
 * management address is Artemis's default, which neither broker changes).
 */
public final class BrokerAccessProbe implements AutoCloseable {

    public enum Operation { SEND, CONSUME, BROWSE, CREATE_QUEUE, CREATE_ADDRESS, DELETE_QUEUE }

    private final String user;
    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession session;

    private BrokerAccessProbe(String user, ServerLocator locator, ClientSessionFactory factory,
                              ClientSession session) {
        this.user = user;
        this.locator = locator;
        this.factory = factory;
        this.session = session;
    }

    /**
     * Logs in at {@code url} (tcp:// or vm://); a refused login throws {@link ActiveMQSecurityException}.
     *
     * @param user null for an anonymous connection
     */
    public static BrokerAccessProbe login(String url, String user, String password) throws Exception {
        ServerLocator locator = ActiveMQClient.createServerLocator(url).setBlockOnDurableSend(true);
        ClientSessionFactory factory = null;
        try {
            factory = locator.createSessionFactory();
            ClientSession session = factory.createSession(user, password, false, true, true, false, 0);
            session.start();
            return new BrokerAccessProbe(user, locator, factory, session);
        } catch (Exception e) {
            if (factory != null) {
                factory.close();
            }
            locator.close();
            throw e;
        }
    }

    /** The session, for what the probe does not try itself (e.g. the gateway setting up the addresses). */
    public ClientSession session() {
        return session;
    }

    /** The name of the queue on {@code address} that the gateway makes for {@code user} to try to delete. */
    public static String deletable(String address, String user) {
        return address + ".deletable-by-" + user;
    }

    /** As the gateway: makes the queue {@link #deletable} on the address for each user. */
    public void makeDeletableQueues(String address, List<String> users) throws ActiveMQException {
        for (String other : users) {
            session.createQueue(QueueConfiguration.of(deletable(address, other)).setAddress(address)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }
    }

    /**
     * As the gateway, after the probes: removes the queues they made or were given to delete, so that each address
     * has its one queue again (a second anycast queue would take every other message sent to it).
     */
    public void removeProbeQueues(List<String> addresses, List<String> users) throws ActiveMQException {
        for (String address : addresses) {
            for (String other : users) {
                for (String queue : List.of(deletable(address, other), address + ".made-by-" + other)) {
                    if (session.queueQuery(SimpleString.of(queue)).isExists()) {
                        session.deleteQueue(queue);
                    }
                }
            }
        }
    }

    /** What the broker let this user do on the address. */
    public Set<Operation> allowedOn(String address) throws Exception {
        Set<Operation> allowed = EnumSet.noneOf(Operation.class);
        for (Operation operation : Operation.values()) {
            if (allows(operation, address)) {
                allowed.add(operation);
            }
        }
        return allowed;
    }

    /** Whether the broker let this user send a management message. */
    public boolean mayManage() throws Exception {
        return allowed(() -> {
            ClientMessage request = session.createMessage(true);
            ManagementHelper.putAttribute(request, ResourceNames.BROKER, "version");
            try (ClientProducer producer = session.createProducer(
                    ActiveMQDefaultConfiguration.getDefaultManagementAddress())) {
                producer.send(request);
            }
        });
    }

    private boolean allows(Operation operation, String address) throws Exception {
        return switch (operation) {
            case SEND -> allowed(() -> {
                try (ClientProducer producer = session.createProducer(address)) {
                    ClientMessage message = session.createMessage(true);
                    message.getBodyBuffer().writeString("probe by " + user);
                    producer.send(message);
                }
            });
            case CONSUME -> allowed(() -> session.createConsumer(address, null, false).close());
            case BROWSE -> allowed(() -> session.createConsumer(address, null, true).close());
            case CREATE_QUEUE -> allowed(() -> session.createQueue(QueueConfiguration.of(address + ".made-by-" + user)
                    .setAddress(address).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
            case CREATE_ADDRESS -> allowed(() -> session.createAddress(SimpleString.of(address), RoutingType.ANYCAST,
                    false));
            case DELETE_QUEUE -> allowed(() -> session.deleteQueue(deletable(address, user)));
        };
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static boolean allowed(Attempt attempt) throws Exception {
        try {
            attempt.run();
            return true;
        } catch (ActiveMQSecurityException refused) {
            return false;
        }
    }

    /** Every answer for this user: address to what it may do. */
    public Map<String, Set<Operation>> allowedOn(List<String> addresses) throws Exception {
        Map<String, Set<Operation>> answers = new LinkedHashMap<>();
        for (String address : addresses) {
            answers.put(address, allowedOn(address));
        }
        return answers;
    }

    @Override
    public void close() throws Exception {
        List<Exception> failures = new ArrayList<>();
        try {
            session.close();
        } catch (Exception e) {
            failures.add(e);
        }
        factory.close();
        locator.close();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
