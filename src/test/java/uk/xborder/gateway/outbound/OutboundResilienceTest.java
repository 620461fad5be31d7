package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/** Nothing is lost and nothing is delivered twice across restarts and failing endpoints. */
class OutboundResilienceTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";

    @TempDir
    Path dir;

    @Test
    void aMessageWaitingOnTheQueueIsDeliveredAfterARestart() throws Exception {
        try (RunningGateway gateway = RunningGateway.start()) {
            gateway.context().getRouteController().stopRoute("outbound-" + PS);
            String messageId = Examples.uniqueId("PS-IR");
            String transportId = gateway.send(PS, Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());

            gateway.restart();

            Message status = gateway.receive("gw.agency." + PS + ".status",
                    "GwTransportMessageId = '" + transportId + "'", WAIT);
            assertThat(StatusNotices.parse(RunningGateway.bodyBytes(status)).outcome()).isEqualTo("ACCEPTED");
            assertThat(gateway.receive("gw.partner.europol.out", "GwMessageId = '" + messageId + "'", WAIT))
                    .isNotNull();
        }
    }

    @Test
    void theRecordOfAcceptedMessagesSurvivesARestart() throws Exception {
        try (RunningGateway gateway = RunningGateway.start()) {
            String messageId = Examples.uniqueId("PS-IR");
            String xml = Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml();
            String first = gateway.send(PS, xml);
            assertThat(status(gateway, first).outcome()).isEqualTo("ACCEPTED");

            gateway.restart();

            String again = gateway.send(PS, xml);
            StatusNotices.Notice notice = status(gateway, again);
            assertThat(notice.reasonCode()).isEqualTo("DUPLICATE_MESSAGE");
            assertThat(gateway.drain("gw.partner.nca.out")).filteredOn(m -> messageId.equals(property(m)))
                    .hasSize(1);
        }
    }

    @Test
    void aRecipientWhoseEndpointKeepsFailingIsHeldForReplayWhileTheOthersReceiveIt() throws Exception {
        Path directory = directoryWithEndpoint("nca", "direct:nca-link-down?block=false");
        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.directory", directory.toString()))) {
            String messageId = Examples.uniqueId("PS-IR");
            String transportId = gateway.send(PS, Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());

            StatusNotices.Notice notice = status(gateway, transportId);
            assertThat(notice.outcome()).isEqualTo("ACCEPTED");
            assertThat(notice.recipient("nca").outcome()).isEqualTo("RETRYING");
            assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
            // Its retry (the tests' gateway.delivery.retries is 1) fails too: a second notice says so.
            Message failed = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '"
                    + transportId + "' AND GwRecipient = 'nca'", WAIT);
            assertThat(failed).as("the second notice, for nca").isNotNull();
            StatusNotices.Notice second = StatusNotices.parse(RunningGateway.bodyBytes(failed));
            assertThat(second.outcome()).isEqualTo("FAILED");
            assertThat(second.recipient("nca").outcome()).isEqualTo("FAILED");
            assertThat(second.recipient("nca").reasonCode()).isEqualTo("DELIVERY_FAILED");

            Message held = gateway.receive("gw.failed", "GwMessageId = '" + messageId + "'", WAIT);
            assertThat(held).isNotNull();
            assertThat(held.getStringProperty("GwRecipient")).isEqualTo("nca");
            assertThat(held.getStringProperty("GwFailedStep")).isEqualTo("delivery");
            assertThat(held.getStringProperty("GwReasonCode")).isEqualTo("DELIVERY_FAILED");
            // What is held is the sealed envelope, ready to replay: still only nca can open it.
            PartnerInbox.Opened opened = PartnerInbox.open("nca", gateway.heldContent(held));
            assertThat(opened.messageId()).isEqualTo(messageId);
            assertThat(gateway.audit().forExchange(notice.exchangeId()))
                    .filteredOn(e -> e.step().equals("DELIVERY_FAILED")).extracting(AuditEvent::recipients)
                    .containsExactly(java.util.List.of("nca"));
            assertThat(gateway.audit().forExchange(notice.exchangeId()))
                    .filteredOn(e -> e.step().equals("DELIVERY_ATTEMPT_FAILED")).hasSize(2);
        }
    }

    private Path directoryWithEndpoint(String partner, String endpoint) throws Exception {
        Path base = RunningGateway.projectDirectory();
        String yaml = Files.readString(base.resolve("config/directory.yaml"))
                .replace("../certs-example", base.resolve("certs-example").toString())
                .replace("jms:queue:gw.partner." + partner + ".out", endpoint);
        return Files.writeString(dir.resolve("directory.yaml"), yaml);
    }

    private static StatusNotices.Notice status(RunningGateway gateway, String transportId) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static String property(Message message) {
        try {
            return message.getStringProperty("GwMessageId");
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
