package uk.xborder.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * The outbound routes as Camel Main builds them from the gateway's own configuration ({@code application.properties},
 * {@link GatewayConfiguration} found by package scan, the YAML in {@code routes/}): the template makes one route per
 * agency of the partner directory, each consuming its agency's queue, and a message put on one goes through to its
 * status notice. Only what a test must change is overridden: where state is kept, the ports, and a directory with one
 * agency more than the shipped one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyRoutesTest extends CamelMainTestSupport {

    private static final long WAIT_SECONDS = 20;
    private static final List<String> AGENCIES = List.of("police-scotland", "nca", "hmrc");

    private static int brokerPort;

    @Override
    protected Class<?> getMainClass() {
        return GatewayApplication.class;
    }

    /** Called while the test instance is constructed, before any field of this class is set. */
    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withUseOverridePropertiesWithPropertiesComponent(settings());
    }

    @Test
    void theTemplateMakesOneRouteForEachAgencyOfTheDirectoryOnItsOwnQueue() {
        List<String> outbound = context.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> id.startsWith("outbound-")).toList();
        assertThat(outbound).containsExactlyInAnyOrderElementsOf(
                AGENCIES.stream().map(agency -> "outbound-" + agency).toList());
        for (String agency : AGENCIES) {
            Route route = context.getRoute("outbound-" + agency);
            assertThat(route.getEndpoint().getEndpointUri()).contains("gw.agency." + agency + ".out");
            assertThat(context.getRouteController().getRouteStatus(route.getRouteId()).isStarted()).isTrue();
        }
        assertThat(context.getRoute("deliver-to-recipient")).as("the per-recipient route").isNotNull();
    }

    @Test
    void aMessageOnAnAgencysQueueGoesThroughItsRouteToItsStatusNotice() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        NotifyBuilder finished = new NotifyBuilder(context).fromRoute("outbound-police-scotland")
                .whenCompleted(1).create();

        // As the agency's system does: over the TCP acceptor, logged in as the agency.
        try (BrokerClient agency = BrokerClient.asExampleUser("tcp://127.0.0.1:" + brokerPort, "police-scotland")) {
            agency.send("gw.agency.police-scotland.out", agency.text(Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml()));
        }

        assertThat(finished.matches(WAIT_SECONDS, TimeUnit.SECONDS)).as("the route finished the exchange").isTrue();
        Exchange status = consumer.receive("jms:queue:gw.agency.police-scotland.status",
                TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(status).as("status notice").isNotNull();
        StatusNotices.Notice notice = StatusNotices.parse(status.getMessage().getBody(byte[].class));
        assertThat(notice.messageId()).isEqualTo(messageId);
        assertThat(notice.outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipients()).containsOnlyKeys("europol", "spoc-ie", "nca");
    }

    /** Settings for this test: fresh state, free ports, the shipped directory with an agency added. */
    private static Properties settings() {
        try {
            Path data = Files.createTempDirectory("agency-routes-test");
            Path base = RunningGateway.projectDirectory();
            String directory = Files.readString(base.resolve("config/directory.yaml"))
                    .replace("../certs-example", base.resolve("certs-example").toString())
                    .replace("agencies:\n", "agencies:\n  - id: hmrc\n    name: HM Revenue and Customs\n"
                            + "    format: uk-agency-5x5x5-1\n");
            int http = freePort();
            Properties settings = new Properties();
            settings.setProperty("gateway.data-dir", data.toString());
            settings.setProperty("gateway.directory",
                    Files.writeString(data.resolve("directory.yaml"), directory).toString());
            settings.setProperty("gateway.broker.url", "vm://92");
            brokerPort = freePort();
            settings.setProperty("gateway.broker.embedded.port", Integer.toString(brokerPort));
            settings.setProperty("camel.server.port", Integer.toString(http));
            settings.setProperty("camel.management.port", Integer.toString(http));
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
