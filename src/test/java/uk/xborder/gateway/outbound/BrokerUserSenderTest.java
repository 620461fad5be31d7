package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * The sender of an agency's message is the broker user who put it on the agency's queue, as the broker stamps it,
 * not the queue name and the {@code <Sender>} the message names (both of which the sender writes). On the embedded
 * broker only the agency itself and the gateway may put a message on the agency's queue; one put there by the
 * gateway's own user, naming the agency as its sender, is refused with SENDER_NOT_AUTHENTICATED and kept.
 */
class BrokerUserSenderTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";
    private static final String QUEUE = "gw.agency.police-scotland.out";

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void aMessageThatNamesTheAgencyButWasPutOnItsQueueByAnotherBrokerUserIsRefused() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String xml = Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml();
        String transportId;
        try (BrokerClient gatewayUser = GATEWAY.get().gatewayClient()) {
            transportId = gatewayUser.send(QUEUE, gatewayUser.text(xml));
        }

        StatusNotices.Notice notice = status(transportId);
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.reasonCode()).isEqualTo("SENDER_NOT_AUTHENTICATED");
        assertThat(notice.explanation()).contains("by the broker user 'gateway', not by 'police-scotland'");
        Message kept = GATEWAY.get().receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(kept).as("original kept on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo("SENDER_NOT_AUTHENTICATED");
        assertThat(new String(GATEWAY.get().heldContent(kept), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(xml);
        List<AuditEvent> trail = GATEWAY.get().audit().forExchange(notice.exchangeId());
        assertThat(trail).extracting(AuditEvent::step).contains("REJECTED").doesNotContain("SENDER_VERIFIED",
                "RELEASED");
        assertThat(trail).filteredOn(e -> e.step().equals("REJECTED")).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("SENDER_NOT_AUTHENTICATED"));
        assertThat(GATEWAY.get().receive("gw.partner.europol.out", "GwMessageId = '" + messageId + "'", 500))
                .as("nothing delivered").isNull();
    }

    @Test
    void theSameMessagePutThereByTheAgencysOwnUserIsAccepted() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = GATEWAY.get().send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());

        assertThat(status(transportId).outcome()).isEqualTo("ACCEPTED");
        assertThat(GATEWAY.get().receive("gw.partner.europol.out", "GwMessageId = '" + messageId + "'", WAIT))
                .isNotNull();
    }

    @Test
    void aStampTheSenderSetsItselfIsReplacedByTheBrokers() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        BrokerClient gatewayUser = GATEWAY.get().gatewayClient();
        String transportId;
        try (gatewayUser) {
            Message forged = gatewayUser.text(Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
            forged.setStringProperty("_AMQ_VALIDATED_USER", PS);
            transportId = gatewayUser.send(QUEUE, forged);
        }

        assertThat(status(transportId).reasonCode()).isEqualTo("SENDER_NOT_AUTHENTICATED");
    }

    private StatusNotices.Notice status(String transportId) throws Exception {
        Message status = GATEWAY.get().receive("gw.agency.police-scotland.status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice for " + transportId).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }
}
