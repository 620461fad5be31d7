package uk.xborder.gateway;

import org.apache.camel.builder.RouteBuilder;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.settings.GatewaySettings;

/**
 * Makes one retry route for each partner of the partner directory, from the {@code partner-retries} template in
 * {@code routes/retries.camel.yaml}: a consumer set of the partner's own retry queue, so a partner that is down
 * holds up nobody else's attempts. Step ids are prefixed with the route id ({@code retries-europol-retry-take}).
 */
public class PartnerRetryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        PartyDirectory directory = getCamelContext().getRegistry()
                .lookupByNameAndType("partyDirectory", PartyDirectory.class);
        int consumers = getCamelContext().getRegistry()
                .lookupByNameAndType("gatewaySettings", GatewaySettings.class).outbound().retryConsumers();
        for (Partner partner : directory.partners()) {
            String routeId = "retries-" + partner.id();
            templatedRoute("partner-retries")
                    .routeId(routeId)
                    .prefixId(routeId + "-")
                    .parameter("partner", partner.id())
                    .parameter("consumers", Integer.toString(consumers));
        }
    }
}
