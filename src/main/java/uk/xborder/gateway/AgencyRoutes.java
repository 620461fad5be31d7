package uk.xborder.gateway;

import org.apache.camel.builder.RouteBuilder;

import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.settings.GatewaySettings;

/**
 * Makes one outbound route for each agency in the partner directory, from the {@code agency-outbound} template in
 * {@code routes/outbound.camel.yaml}, with as many consumers of the agency's queue as the outbound settings say.
 * Adding an agency is a directory change, not a code change. Each instance's step ids are prefixed with its route id
 * ({@code outbound-police-scotland-admit}), so step ids stay unique across the gateway.
 */
public class AgencyRoutes extends RouteBuilder {

    @Override
    public void configure() {
        PartyDirectory directory = getCamelContext().getRegistry()
                .lookupByNameAndType("partyDirectory", PartyDirectory.class);
        int consumers = getCamelContext().getRegistry()
                .lookupByNameAndType("gatewaySettings", GatewaySettings.class).outbound().consumersPerAgency();
        for (Agency agency : directory.agencies()) {
            String routeId = "outbound-" + agency.id();
            templatedRoute("agency-outbound")
                    .routeId(routeId)
                    .prefixId(routeId + "-")
                    .parameter("agency", agency.id())
                    .parameter("consumers", Integer.toString(consumers));
        }
    }
}
