package uk.xborder.gateway.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.jms.support.destination.DynamicDestinationResolver;

/**
 * Resolves each destination name of one broker once, and hands out the same destination object from then on.
 *
 * <p>Why: the Artemis client asks the broker about a queue each time a session resolves its name (a blocking queue
 * query), and again each time an anonymous producer sends to a destination object it has not yet checked (an address
 * and a queue query). Every send of the gateway goes through an anonymous pooled producer, so without this each of a
 * message's four or five sends cost three round trips to the broker. The client marks a destination object as
 * checked after its first send; keeping the object keeps that mark.
 *
 * <p>A destination object is only a name: each send still goes to whatever the broker holds under it at the time.
 * Thread-safe; one per broker component.
 */
final class ResolvedDestinations implements DestinationResolver {

    private final DestinationResolver resolver = new DynamicDestinationResolver();
    private final Map<String, Destination> queues = new ConcurrentHashMap<>();
    private final Map<String, Destination> topics = new ConcurrentHashMap<>();

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSubDomain)
            throws JMSException {
        Map<String, Destination> resolved = pubSubDomain ? topics : queues;
        Destination known = resolved.get(name);
        if (known != null) {
            return known;
        }
        Destination destination = resolver.resolveDestinationName(session, name, pubSubDomain);
        Destination first = resolved.putIfAbsent(name, destination);
        return first != null ? first : destination;
    }
}
