package uk.xborder.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Route;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.IdAware;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.testsupport.GatewayPerClass;

/**
 * Every step of every route the gateway runs (outbound, per recipient, partner brokers, error handling, auditors'
 * API) has an id
 * given in the YAML rather than made up by Camel, and no two steps the gateway runs share one: tracing, metrics and
 * the console name steps by these ids. The steps of a route configuration are defined once and run inside each
 * route that uses it, so there they are told apart by route id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RouteStepIdsTest {

    // With a partner broker, so that its routes are made from their templates too.
    @RegisterExtension
    static final GatewayPerClass GATEWAY = GatewayPerClass.withAPartnerBrokerDown();

    private Model model;

    @BeforeAll
    void start() throws Exception {
        model = GATEWAY.get().context().getCamelContextExtension().getContextPlugin(Model.class);
    }

    @Test
    void everyStepOfEveryRouteHasAnExplicitId() {
        assertThat(model.getRouteDefinitions()).extracting(RouteDefinition::getId)
                .contains("outbound-police-scotland", "outbound-nca", "deliver-to-recipient", "api-search-entries",
                        "partner-broker-europol-broker-inbound", "partner-broker-europol-broker-receipts");
        assertThat(model.getRouteConfigurationDefinitions()).extracting(RouteConfigurationDefinition::getId)
                .contains("outbound-errors", "recipient-errors", "api-errors", "partner-broker-errors");

        List<String> anonymous = new ArrayList<>();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            collectAnonymous(route.getId(), route.getOutputs(), anonymous);
        }
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            collectAnonymous(configuration.getId(), List.copyOf(configuration.getOnExceptions()), anonymous);
        }

        assertThat(anonymous).as("steps without an id of their own").isEmpty();
    }

    @Test
    void noTwoStepsTheGatewayRunsShareAnId() {
        List<String> ids = new ArrayList<>();
        for (Route route : GATEWAY.get().context().getRoutes()) {
            // The processors as they run, with the template instances' prefixes applied.
            route.filter("*").forEach(step -> ids.add(((IdAware) step).getId()));
        }
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            collectIds(List.copyOf(configuration.getOnExceptions()), ids);
        }

        assertThat(ids).contains("outbound-police-scotland-admit", "outbound-nca-admit", "recipient-sign",
                "outbound-errors-hold", "api-verify-log-record", "partner-broker-europol-broker-inbound-send-receipt",
                "partner-broker-europol-broker-receipts-close-exchange");
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static void collectAnonymous(String owner, List<ProcessorDefinition<?>> steps, List<String> anonymous) {
        for (ProcessorDefinition<?> step : steps) {
            if (!step.hasCustomIdAssigned()) {
                anonymous.add(owner + ": " + step.getShortName() + " " + step.getLabel());
            }
            collectAnonymous(owner, step.getOutputs(), anonymous);
        }
    }

    private static void collectIds(List<ProcessorDefinition<?>> steps, List<String> ids) {
        for (ProcessorDefinition<?> step : steps) {
            ids.add(step.getId());
            collectIds(step.getOutputs(), ids);
        }
    }
}
