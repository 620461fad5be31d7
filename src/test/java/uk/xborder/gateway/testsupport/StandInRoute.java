package uk.xborder.gateway.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;

/**
 * Stands in, in a running gateway, for a route another part of the gateway provides behind a fixed seam (such as
 * {@code direct:inbound-envelope}): whatever route consumes that endpoint is removed, and a route that records each
 * arrival and then runs the given answer takes its place.
 *
 * <p>What the JMS consumers hand on through a seam is the JMS message itself; the stand-in reads its body as the
 * pipeline would (text or bytes) and hands the answer that instead.
 */
public final class StandInRoute {

    /** What reached the stand-in: the body as bytes and the headers, before the answer changed them. */
    public record Arrival(byte[] body, Map<String, Object> headers) {
    }

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    private StandInRoute() {
    }

    /** Replaces the route consuming {@code uri} with one that records, then answers with {@code answer}. */
    public static StandInRoute install(CamelContext context, String uri, String routeId, Processor answer)
            throws Exception {
        String key = context.getEndpoint(uri).getEndpointKey();
        for (Route route : List.copyOf(context.getRoutes())) {
            if (route.getEndpoint().getEndpointKey().equals(key)) {
                context.getRouteController().stopRoute(route.getRouteId());
                context.removeRoute(route.getRouteId());
            }
        }
        StandInRoute standIn = new StandInRoute();
        // A lambda builder, not a RouteBuilder class: Camel Main's package scan would add a class to every gateway.
        RouteBuilder.addRoutes(context, routes -> routes.from(uri).routeId(routeId)
                .process(standIn::record).id(routeId + "-record")
                .process(answer).id(routeId + "-answer"));
        return standIn;
    }

    private void record(Exchange exchange) throws JMSException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof TextMessage text) {
            exchange.getMessage().setBody(text.getText());
        } else if (body instanceof BytesMessage bytes) {
            byte[] read = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(read);
            exchange.getMessage().setBody(read);
        }
        arrivals.add(new Arrival(exchange.getMessage().getBody(byte[].class),
                // Not Map.copyOf: a JMS message's headers include nulls (JMSReplyTo unset).
                Collections.unmodifiableMap(new HashMap<>(exchange.getMessage().getHeaders()))));
    }

    /** Every arrival so far with this body. */
    public List<Arrival> arrivals(byte[] body) {
        return arrivals.stream().filter(arrival -> Arrays.equals(arrival.body(), body)).toList();
    }

    /** The first arrival with this body, waiting up to the timeout for it. */
    public Arrival awaitArrival(byte[] body, Duration timeout) {
        return await().atMost(timeout).until(() -> arrivals(body), found -> !found.isEmpty()).get(0);
    }
}
