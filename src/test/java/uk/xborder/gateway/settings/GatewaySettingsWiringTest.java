package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import uk.xborder.gateway.testsupport.RunningGateway;

/** The settings reach the running gateway: the API switch, consumers per agency, and secrets that must be there. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GatewaySettingsWiringTest {

    @Test
    void theApiIsSwitchedOffBySettingAndTheAgencyQueuesTakeTheConfiguredConsumers() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.api.enabled", "false",
                "gateway.outbound.consumers-per-agency", "2"))) {
            assertThat(gateway.context().getRoute("api-search-entries")).isNull();
            assertThat(gateway.context().getRegistry().lookupByName("apiGate")).isNull();
            assertThat(status(gateway, "/api/audit/entries")).isEqualTo(404);
            assertThat(status(gateway, "/observe/health")).isEqualTo(200);
            // the whole REST layer is off: no operation, no OpenAPI document, nothing served under /api
            assertThat(status(gateway, "/api/v1/requests")).isEqualTo(404);
            assertThat(status(gateway, "/api/openapi.json")).isEqualTo(404);
            assertThat(gateway.context().getRestRegistry().listAllRestServices()).isEmpty();
            assertThat(gateway.context().getRoutes()).extracting(route -> route.getEndpoint().getEndpointUri())
                    .noneMatch(uri -> uri.startsWith("rest") || uri.contains("/api"));
            assertThat(gateway.context().getComponent("platform-http", PlatformHttpComponent.class)
                    .getHttpEndpoints()).extracting(HttpEndpointModel::getUri)
                    .noneMatch(uri -> uri.startsWith("/api") || uri.startsWith("api"));

            JmsEndpoint agencyQueue = (JmsEndpoint) gateway.context().getRoute("outbound-police-scotland")
                    .getEndpoint();
            assertThat(agencyQueue.getConcurrentConsumers()).isEqualTo(2);
        }
    }

    @Test
    void byDefaultTheApiIsServedAndEachAgencyQueueHasOneConsumer() throws Exception {
        try (RunningGateway gateway = RunningGateway.start()) {
            assertThat(gateway.context().getRoute("api-search-entries")).isNotNull();
            assertThat(status(gateway, "/api/audit/entries")).isEqualTo(401);

            JmsEndpoint agencyQueue = (JmsEndpoint) gateway.context().getRoute("outbound-police-scotland")
                    .getEndpoint();
            assertThat(agencyQueue.getConcurrentConsumers()).isEqualTo(1);
        }
    }

    @Test
    void aBrokerPasswordVariableThatIsNotSetStopsTheStartNamingTheSetting() {
        // The embedded broker's gateway user needs no password from the settings; an external broker's does.
        assertThatThrownBy(() -> RunningGateway.start(Map.of("gateway.broker.embedded", "false",
                "gateway.broker.url", "tcp://127.0.0.1:1", "gateway.broker.user", "gateway",
                "gateway.broker.password-env", "XB_TEST_VARIABLE_NEVER_SET")).close())
                .hasStackTraceContaining("setting gateway.broker.password-env names environment variable "
                        + "XB_TEST_VARIABLE_NEVER_SET, which is not set");
    }

    private static int status(RunningGateway gateway, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
