package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.xborder.gateway.broker.EuropolBroker.EUROPOL_INBOX;
import static uk.xborder.gateway.broker.EuropolBroker.EUROPOL_RECEIPTS;
import static uk.xborder.gateway.broker.EuropolBroker.GATEWAY_INBOX;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.ArtemisPerClass;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StandInRoute;
import uk.xborder.gateway.testsupport.StatusNotices;

/** A partner's broker that is down does not stop the gateway, nor the deliveries to other partners. */
class PartnerBrokerOutageTest {

    private static final String PS = "police-scotland";
    private static final long WAIT = 20_000;

    @RegisterExtension
    static final ArtemisPerClass EUROPOL_BROKER = ArtemisPerClass.notYetStarted(EuropolBroker.USER);

    @TempDir
    Path folder;

    @Test
    void withEuropolsBrokerDownTheGatewayStartsHoldsEuropolsEnvelopeAndGoesOnOnceTheBrokerIsBack() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(
                EuropolBroker.settings(EUROPOL_BROKER.get(), EuropolBroker.directory(folder)))) {
            StandInRoute inbound = StandInRoute.install(gateway.context(), "direct:inbound-envelope",
                    "stand-in-inbound-envelope", exchange -> exchange.getMessage().setBody(bytes("receipt")));

            String first = Examples.uniqueId("PS-IR");
            StatusNotices.Notice notice = sendReport(gateway, first);
            assertThat(notice.outcome()).isEqualTo("ACCEPTED");
            assertThat(notice.recipient("europol").outcome()).isEqualTo("RETRYING");
            assertThat(notice.recipient("spoc-ie").outcome()).isEqualTo("ACCEPTED");
            assertThat(notice.recipient("nca").outcome()).isEqualTo("ACCEPTED");
            assertThat(gateway.receive("gw.partner.nca.out", selector(first), WAIT)).isNotNull();
            // Tried again off the agency's queue (the tests' gateway.delivery.retries is 1), then FAILED.
            Message failed = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '"
                    + notice.jmsMessageId() + "' AND GwRecipient = 'europol'", WAIT);
            assertThat(failed).as("the second notice, for europol").isNotNull();
            StatusNotices.Notice second = StatusNotices.parse(RunningGateway.bodyBytes(failed));
            assertThat(second.outcome()).isEqualTo("FAILED");
            assertThat(second.recipient("europol").reasonCode()).isEqualTo("DELIVERY_FAILED");
            Message held = gateway.receive("gw.failed", selector(first), WAIT);
            assertThat(held).as("Europol's envelope held for replay").isNotNull();
            assertThat(held.getStringProperty(GatewayHeaders.RECIPIENT)).isEqualTo("europol");
            assertThat(held.getStringProperty(GatewayHeaders.FAILED_STEP)).isEqualTo("delivery");
            assertThat(PartnerInbox.open("europol", gateway.heldContent(held)).messageId()).isEqualTo(first);

            EUROPOL_BROKER.get().start();

            String next = Examples.uniqueId("PS-IR");
            StatusNotices.Notice after = sendReport(gateway, next);
            assertThat(after.outcome()).isEqualTo("ACCEPTED");
            assertThat(after.recipient("europol").outcome()).isEqualTo("ACCEPTED");
            Message envelope = EUROPOL_BROKER.get().receive(EUROPOL_INBOX, selector(next), WAIT);
            assertThat(envelope).as("the next envelope on Europol's broker").isNotNull();
            assertThat(PartnerInbox.open("europol", RunningGateway.bodyBytes(envelope)).messageId()).isEqualTo(next);

            // The consumer of Europol's inbound queue connects once the broker is there (it retries every 5 s).
            byte[] fromEuropol = bytes("envelope " + Examples.uniqueId("EU"));
            EUROPOL_BROKER.get().send(GATEWAY_INBOX, fromEuropol, Map.of());
            inbound.awaitArrival(fromEuropol, Duration.ofSeconds(30));
            assertThat(EUROPOL_BROKER.get().receive(EUROPOL_RECEIPTS, null, WAIT)).as("receipt").isNotNull();
        }
    }

    private static StatusNotices.Notice sendReport(RunningGateway gateway, String messageId) throws Exception {
        String transportId = gateway.send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        Message status = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '" + transportId + "'",
                WAIT);
        assertThat(status).as("status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static String selector(String messageId) {
        return GatewayHeaders.MESSAGE_ID + " = '" + messageId + "'";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
