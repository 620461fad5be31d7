package uk.xborder.gateway;

import org.apache.camel.builder.RouteBuilder;

import uk.xborder.gateway.broker.PartnerBrokers;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.settings.PartnerBrokerSettings;

/**
 * Makes the routes that take in what partners leave on their own brokers, from the templates in
 * {@code routes/partner-brokers.camel.yaml}: for each partner broker with an inbound queue, one that hands the
 * partner's envelopes to {@code direct:inbound-envelope} and sends the receipts back to the partner's receipt
 * endpoint; with a receipts queue, one that hands the partner's receipts to {@code direct:outbound-receipt}. Step
 * ids are prefixed with the route id ({@code partner-broker-europol-broker-inbound-send-receipt}).
 */
public class PartnerBrokerRoutes extends RouteBuilder {

    @Override
    public void configure() {
        PartyDirectory directory = getCamelContext().getRegistry()
                .lookupByNameAndType("partyDirectory", PartyDirectory.class);
        GatewaySettings settings = getCamelContext().getRegistry()
                .lookupByNameAndType("gatewaySettings", GatewaySettings.class);
        for (PartnerBrokerSettings broker : settings.partnerBrokers()) {
            broker.inboundQueue().ifPresent(queue -> {
                String routeId = "partner-broker-" + broker.name() + "-inbound";
                templatedRoute("partner-broker-inbound")
                        .routeId(routeId)
                        .prefixId(routeId + "-")
                        .parameter("broker", broker.name())
                        .parameter("queue", queue)
                        // required with an inbound queue (PartnerBrokerSettings)
                        .parameter("partner", broker.partner().orElseThrow())
                        .parameter("receiptEndpoint", PartnerBrokers.receiptEndpoint(broker, directory));
            });
            broker.receiptsQueue().ifPresent(queue -> {
                String routeId = "partner-broker-" + broker.name() + "-receipts";
                templatedRoute("partner-broker-receipts")
                        .routeId(routeId)
                        .prefixId(routeId + "-")
                        .parameter("broker", broker.name())
                        .parameter("queue", queue);
            });
        }
    }
}
