package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.testsupport.GatewayPerClass;

/**
 * Every queue the gateway consumes, on its own broker or a partner's, hands the JMS message itself to the route
 * ({@code mapJmsMessage=false}): Camel's own mapping would deserialize an ObjectMessage's object and read a large
 * bytes message into memory before any step could refuse it.
 */
class RawJmsConsumersTest {

    // With a partner broker, so that its consumers are made from their templates too.
    @RegisterExtension
    static final GatewayPerClass GATEWAY = GatewayPerClass.withAPartnerBrokerDown();

    @Test
    void everyJmsConsumerOfTheGatewayTakesTheRawMessage() {
        var consumers = GATEWAY.get().context().getRoutes().stream()
                .filter(route -> route.getEndpoint() instanceof JmsEndpoint)
                .toList();

        assertThat(consumers).extracting(Route::getRouteId).contains("outbound-police-scotland", "inbound-jms",
                "receipts-from-partners", "dead-letter-intake", "partner-broker-europol-broker-inbound",
                "partner-broker-europol-broker-receipts");
        assertThat(consumers).allSatisfy(route -> assertThat(((JmsEndpoint) route.getEndpoint()).getConfiguration()
                .isMapJmsMessage()).as("%s maps the JMS message", route.getRouteId()).isFalse());
    }
}
