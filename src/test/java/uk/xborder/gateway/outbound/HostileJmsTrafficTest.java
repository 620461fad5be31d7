package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.StreamMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RecordsDeserialization;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * What a client on the broker can put on a queue the gateway reads must not stall that queue or fool the gateway:
 * a reply-to queue, and JMS message types other than text and bytes, whose bodies the gateway never reads (an
 * ObjectMessage's object is never deserialized) nor keeps: each is recorded REJECTED in the exchange store without
 * content, and gw.rejected gets a notice of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileJmsTrafficTest {

    private static final String PS = "police-scotland";
    private static final String OUT = "gw.agency." + PS + ".out";
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

    @Test
    void anObjectMessageIsRefusedWithoutDeserializingItsObjectAndTheNextMessageGoesThrough() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        BrokerClient agency = gateway.client(PS);
        int before = RecordsDeserialization.reads();
        String refused = agency.send(OUT, agency.session().createObjectMessage(new RecordsDeserialization("gadget")));
        String next = gateway.send(PS, report(Examples.uniqueId("PS-IR")));

        StatusNotices.Notice notice = notice(gateway, refused);
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.reasonCode()).isEqualTo("UNSUPPORTED_MESSAGE_TYPE");
        assertThat(notice.explanation()).contains("ObjectMessage").contains("did not read its body");
        assertThat(RecordsDeserialization.reads()).as("readObject calls").isEqualTo(before);
        Message kept = gateway.receive("gw.rejected", "GwTransportMessageId = '" + refused + "'", PROMPTLY);
        assertThat(kept).as("a notice on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo("UNSUPPORTED_MESSAGE_TYPE");
        assertRecordedWithNothingOfItsBody(gateway, kept);
        List<AuditEvent> trail = gateway.audit().forExchange(notice.exchangeId());
        assertThat(trail).filteredOn(e -> e.step().equals("REJECTED")).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("UNSUPPORTED_MESSAGE_TYPE"));
        assertThat(outcome(gateway, next)).isEqualTo("ACCEPTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MapMessage", "StreamMessage", "Message"})
    void everyOtherTypeThanTextOrBytesIsRefusedByName(String type) throws Exception {
        RunningGateway gateway = GATEWAY.get();
        BrokerClient agency = gateway.client(PS);
        String refused = agency.send(OUT, message(agency, type));

        StatusNotices.Notice notice = notice(gateway, refused);
        assertThat(notice.reasonCode()).isEqualTo("UNSUPPORTED_MESSAGE_TYPE");
        assertThat(notice.explanation()).contains(type);
        Message kept = gateway.receive("gw.rejected", "GwTransportMessageId = '" + refused + "'", PROMPTLY);
        assertThat(kept).as("a notice on gw.rejected").isNotNull();
        assertRecordedWithNothingOfItsBody(gateway, kept);
    }

    @Test
    void aPartnersEnvelopeOfAnotherTypeIsRefusedAndKept() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        BrokerClient partner = gateway.client("europol");
        int before = RecordsDeserialization.reads();
        String refused = partner.send("gw.inbound",
                partner.session().createObjectMessage(new RecordsDeserialization("envelope")));

        Message kept = gateway.receive("gw.rejected", "GwTransportMessageId = '" + refused + "'", PROMPTLY);
        assertThat(kept).as("a notice on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo("UNSUPPORTED_MESSAGE_TYPE");
        assertThat(kept.getStringProperty("GwExplanation")).contains("ObjectMessage");
        assertThat(RecordsDeserialization.reads()).as("readObject calls").isEqualTo(before);
        assertRecordedWithNothingOfItsBody(gateway, kept);
    }

    @Test
    void aPartnersReceiptOfAnotherTypeIsRefusedAndKept() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        BrokerClient partner = gateway.client("europol");
        String refused = partner.send("gw.receipts", message(partner, "MapMessage"));

        Message kept = gateway.receive("gw.rejected", "GwTransportMessageId = '" + refused + "'", PROMPTLY);
        assertThat(kept).as("a notice on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo("UNSUPPORTED_MESSAGE_TYPE");
        assertThat(kept.getStringProperty("GwExplanation")).contains("MapMessage");
        assertRecordedWithNothingOfItsBody(gateway, kept);
    }

    /**
     * A message of another JMS type is recorded in the exchange store as REJECTED, UNSUPPORTED_MESSAGE_TYPE, with no
     * content (its body was never read), and its notice on gw.rejected carries the exchange reference alone.
     */
    private static void assertRecordedWithNothingOfItsBody(RunningGateway gateway, Message notice) throws Exception {
        StoredExchange recorded = gateway.heldWithoutContent(notice);
        assertThat(recorded.state()).isEqualTo(ExchangeState.REJECTED);
        assertThat(recorded.reasonCode()).isEqualTo("UNSUPPORTED_MESSAGE_TYPE");
    }

    private static Message message(BrokerClient client, String type) throws JMSException {
        return switch (type) {
            case "MapMessage" -> {
                MapMessage map = client.session().createMapMessage();
                map.setString("xml", report("PS-IR-MAP"));
                yield map;
            }
            case "StreamMessage" -> {
                StreamMessage stream = client.session().createStreamMessage();
                stream.writeString(report("PS-IR-STREAM"));
                yield stream;
            }
            default -> client.session().createMessage();
        };
    }

    private static String report(String messageId) {
        return Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml();
    }

    private static String outcome(RunningGateway gateway, String transportId) throws Exception {
        return notice(gateway, transportId).outcome();
    }

    private static StatusNotices.Notice notice(RunningGateway gateway, String transportId) throws Exception {
        Message status = gateway.receive("gw.agency.police-scotland.status",
                "GwTransportMessageId = '" + transportId + "'", PROMPTLY);
        assertThat(status).as("a status notice within %d ms", PROMPTLY).isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }
}
