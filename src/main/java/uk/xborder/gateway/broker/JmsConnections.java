package uk.xborder.gateway.broker;

import java.util.Arrays;
import java.util.Optional;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

import uk.xborder.gateway.crypto.Secret;

/**
 * A Camel JMS component over a pool of connections to one Artemis broker, set up the way every broker connection of
 * the gateway is: the gateway's own broker ({@code jms}) and each partner's broker alike.
 */
public final class JmsConnections {

    /** Artemis's wildcard: no class at all. */
    static final String DENY_EVERY_CLASS = "*";

    private JmsConnections() {
    }

    /**
     * A connection factory for an Artemis broker that deserializes no Java object, whatever a message carries.
     *
     * <p>Nothing the gateway or its tools exchange is a Java object, and the pipeline refuses an ObjectMessage
     * without reading its body ({@link ReceivedBodies}). Should anything still call {@code getObject()}, the client
     * refuses every class before reading it (the deny list is checked before the allow list, and an empty allow list
     * would allow every class). Set after the URL is parsed, so that no URL parameter can widen it.
     */
    public static ActiveMQConnectionFactory connectionFactory(String url) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        factory.setDeserializationDenyList(DENY_EVERY_CLASS);
        return factory;
    }

    /**
     * @param user     the broker user; ignored without a password
     * @param password the user's password, wiped once handed to the client; empty for an unauthenticated connection
     */
    public static JmsComponent pooledComponent(CamelContext context, String url, String user,
                                               Optional<Secret> password, int poolSize) throws Exception {
        ActiveMQConnectionFactory connections = connectionFactory(url);
        if (password.isPresent()) {
            connections.setUser(user);
            char[] chars = password.get().chars();
            // The Artemis client keeps the password as a String; that copy cannot be wiped, ours can.
            connections.setPassword(new String(chars));
            Arrays.fill(chars, '\0');
            password.get().destroy();
        }
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(connections);
        pool.setMaxConnections(poolSize);
        // Stopped after the routes and before the embedded broker (services stop in reverse order).
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                pool.stop();
            }
        }, true, true);
        JmsComponent jms = JmsComponent.jmsComponent(pool);
        // Local JMS transactions on the listener's own session, with no Spring transaction manager: a transacted
        // consumer then keeps its session and consumer from message to message (CACHE_CONSUMER), and whatever the
        // route sends through this component on the listener's thread goes out on that same session, so it commits
        // or rolls back with the removal of the message it came from. A transaction manager would instead force
        // CACHE_NONE: a new broker consumer for every message, and for every idle poll.
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        jms.getConfiguration().setCacheLevelName("CACHE_CONSUMER");
        // Each name resolved once: otherwise every send costs blocking queries to the broker (ResolvedDestinations).
        jms.getConfiguration().setDestinationResolver(new ResolvedDestinations());
        // Persistent delivery for everything the gateway sends, so a broker restart loses nothing.
        jms.getConfiguration().setDeliveryPersistent(true);
        // Nothing the gateway consumes or sends is request-reply. A sender's JMSReplyTo would otherwise turn the
        // exchange into InOut and make every send wait for a reply that never comes, holding the queue it came from.
        jms.getConfiguration().setDisableReplyTo(true);
        return jms;
    }
}
