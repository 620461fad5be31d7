package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/** What a client on the broker can put on an agency's queue must not stall that queue or fool the gateway. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileJmsTrafficTest {

    private static final String PS = "police-scotland";
    /** Far less than one request-reply timeout of a send (20 s): a message that waited for a reply would miss it. */
    private static final long PROMPTLY = 10_000;

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void aMessageNamingAReplyToQueueIsHandledAsOneWayAndDoesNotHoldUpTheNext() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        String firstId = Examples.uniqueId("PS-IR");
        String first = gateway.sendWithReplyTo(PS, report(firstId), "attacker.replies");
        String secondId = Examples.uniqueId("PS-IR");
        String second = gateway.send(PS, report(secondId));

        assertThat(outcome(gateway, first)).isEqualTo("ACCEPTED");
        assertThat(outcome(gateway, second)).isEqualTo("ACCEPTED");
        assertThat(gateway.receive("gw.partner.europol.out", "GwMessageId = '" + firstId + "'", PROMPTLY))
                .as("the partner received the first message").isNotNull();
        assertThat(gateway.receive("gw.partner.europol.out", "GwMessageId = '" + firstId + "'", 500))
                .as("and only once").isNull();
        // Nothing the gateway sends answers the reply-to queue (which only the gateway's own user may read).
        try (BrokerClient gatewayUser = gateway.gatewayClient()) {
            assertThat(gatewayUser.browse("attacker.replies")).isEmpty();
        }
    }

    private static String report(String messageId) {
        return Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml();
    }

    private static String outcome(RunningGateway gateway, String transportId) throws Exception {
        Message status = gateway.receive("gw.agency.police-scotland.status",
                "GwTransportMessageId = '" + transportId + "'", PROMPTLY);
        assertThat(status).as("a status notice within %d ms", PROMPTLY).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status)).outcome();
    }
}
