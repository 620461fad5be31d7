package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.xborder.gateway.broker.EuropolBroker.EUROPOL_INBOX;
import static uk.xborder.gateway.broker.EuropolBroker.EUROPOL_RECEIPTS;
import static uk.xborder.gateway.broker.EuropolBroker.GATEWAY_INBOX;
import static uk.xborder.gateway.broker.EuropolBroker.GATEWAY_RECEIPTS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.ArtemisPerClass;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.CrashBeforeCommit;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StandInRoute;
import uk.xborder.gateway.testsupport.StandaloneArtemis;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * The gateway exchanges envelopes and receipts with Europol through Europol's own broker: the standalone Artemis
 * distribution, in a process of its own, login required. The routes behind the seams {@code direct:inbound-envelope}
 * and {@code direct:outbound-receipt} are stood in for: these tests are about the transport.
 */
class PartnerBrokerExchangeTest {

    private static final String PS = "police-scotland";
    private static final long WAIT = 20_000;

    @RegisterExtension
    static final ArtemisPerClass EUROPOL_BROKER = ArtemisPerClass.running(EuropolBroker.USER);

    @TempDir
    static Path folder;

    private static final CrashBeforeCommit CRASH = new CrashBeforeCommit();
    /** Envelopes (by body) the stand-in inbound route fails on, and how many more times. */
    private static final Map<String, AtomicInteger> FAULTS = new ConcurrentHashMap<>();
    private static RunningGateway gateway;
    private static StandInRoute inbound;
    private static StandInRoute receipts;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(EuropolBroker.settings(EUROPOL_BROKER.get(), EuropolBroker.directory(folder)),
                Map.of("crashBeforeCommit", CRASH));
        // As the inbound route will: the receipt is the body after the route; the agency delivery it makes on the
        // way carries a duplicate-detection id, which must not leave with the receipt.
        inbound = StandInRoute.install(gateway.context(), "direct:inbound-envelope", "stand-in-inbound-envelope",
                exchange -> {
                    String envelope = exchange.getMessage().getBody(String.class);
                    AtomicInteger faults = FAULTS.get(envelope);
                    if (faults != null && faults.getAndDecrement() > 0) {
                        throw new IllegalStateException("the audit store is unavailable");
                    }
                    exchange.getMessage().setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "inbound|europol|" + envelope);
                    exchange.getMessage().setBody(receiptFor(envelope));
                });
        receipts = StandInRoute.install(gateway.context(), "direct:outbound-receipt", "stand-in-outbound-receipt",
                exchange -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aReportForEuropolArrivesOnEuropolsBrokerOnceWhileTheOthersArriveOnOurs() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        StatusNotices.Notice notice = sendReport(messageId);

        assertThat(notice.outcome()).isEqualTo("ACCEPTED");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
        Message envelope = partner().receive(EUROPOL_INBOX, selector(messageId), WAIT);
        assertThat(envelope).as("envelope on Europol's broker").isNotNull();
        PartnerInbox.Opened opened = PartnerInbox.open("europol", RunningGateway.bodyBytes(envelope));
        assertThat(opened.messageId()).isEqualTo(messageId);
        assertThat(opened.contentFormat()).isEqualTo("europol-ie-1");
        assertThat(envelope.propertyExists(GatewayHeaders.ARTEMIS_DUPLICATE_ID)).as("duplicate-detection id").isTrue();
        assertThat(partner().browse(EUROPOL_INBOX, selector(messageId))).as("a second copy").isEmpty();
        assertThat(gateway.receive("gw.partner.nca.out", selector(messageId), WAIT)).isNotNull();
        // Europol has no queue on our broker now: only the gateway's own user may look.
        try (BrokerClient gatewayUser = gateway.gatewayClient()) {
            assertThat(gatewayUser.browse("gw.partner.europol.out")).as("nothing for Europol on our broker")
                    .isEmpty();
        }
    }

    @Test
    void anAgencyMessageRedeliveredAfterACrashBeforeItsCommitReachesEuropolsBrokerOnce() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        int crashesBefore = CRASH.crashes();
        CRASH.once(messageId);

        StatusNotices.Notice notice = sendReport(messageId);

        // The first pass sent to Europol's broker (outside our transaction) and rolled back; the second sent again.
        assertThat(CRASH.crashes()).isEqualTo(crashesBefore + 1);
        assertThat(CRASH.handovers(messageId, "europol")).isEqualTo(2);
        assertThat(notice.recipient("europol").outcome()).isEqualTo("ACCEPTED");
        // Europol's broker dropped the resend by its duplicate-detection id.
        assertThat(partner().browse(EUROPOL_INBOX, selector(messageId))).hasSize(1);
        // On our broker the first pass was rolled back with the transaction: one notice, one envelope for nca.
        assertThat(gateway.browse("gw.agency." + PS + ".status")).filteredOn(m -> hasMessageId(m, messageId))
                .isEmpty();
        assertThat(gateway.browse("gw.partner.nca.out")).filteredOn(m -> hasMessageId(m, messageId)).hasSize(1);
    }

    @Test
    void anEnvelopeEuropolLeavesOnItsBrokerIsTakenInAndItsReceiptLandsOnEuropolsReceiptQueue() throws Exception {
        String envelope = "envelope " + Examples.uniqueId("EU");
        partner().send(GATEWAY_INBOX, bytes(envelope), Map.of("PartnerNote", "not for the gateway",
                GatewayHeaders.AGENCY, "nca"));

        StandInRoute.Arrival arrival = inbound.awaitArrival(bytes(envelope), Duration.ofMillis(WAIT));
        assertThat(arrival.headers()).as("the partner's headers").doesNotContainKeys("PartnerNote",
                GatewayHeaders.AGENCY);

        Message receipt = partner().receive(EUROPOL_RECEIPTS, null, WAIT);
        assertThat(receipt).as("receipt on Europol's receipt queue").isNotNull();
        assertThat(RunningGateway.bodyBytes(receipt)).isEqualTo(receiptFor(envelope));
        assertThat(receipt.propertyExists(GatewayHeaders.ARTEMIS_DUPLICATE_ID)).isFalse();
        assertThat(partner().browse(GATEWAY_INBOX, null)).as("envelopes left on Europol's broker").isEmpty();

        // Europol sends the same envelope again (it had no receipt): it is answered again, not dropped.
        partner().send(GATEWAY_INBOX, bytes(envelope), Map.of());
        Message again = partner().receive(EUROPOL_RECEIPTS, null, WAIT);
        assertThat(again).as("receipt for the repeated envelope").isNotNull();
        assertThat(RunningGateway.bodyBytes(again)).isEqualTo(receiptFor(envelope));
    }

    @Test
    void anEnvelopeThatMeetsAGatewayFaultStaysOnEuropolsBrokerUntilItIsTakenIn() throws Exception {
        String envelope = "envelope " + Examples.uniqueId("EU");
        // Each fault rolls the delivery back and Europol's broker delivers the envelope again, until it is taken in.
        FAULTS.put(envelope, new AtomicInteger(2));
        partner().send(GATEWAY_INBOX, bytes(envelope), Map.of());

        Message receipt = partner().receive(EUROPOL_RECEIPTS, null, WAIT);
        assertThat(receipt).as("receipt once the fault has passed").isNotNull();
        assertThat(RunningGateway.bodyBytes(receipt)).isEqualTo(receiptFor(envelope));
        assertThat(FAULTS.get(envelope).get()).as("faults left").isNegative();
        assertThat(inbound.arrivals(bytes(envelope))).as("attempts: two failed, one taken in").hasSize(3);
        assertThat(partner().browse(EUROPOL_RECEIPTS, null)).as("a second receipt").isEmpty();
        assertThat(partner().browse(GATEWAY_INBOX, null)).as("envelopes left on Europol's broker").isEmpty();
    }

    @Test
    void aReceiptEuropolLeavesOnItsBrokerReachesTheRouteThatClosesTheExchange() throws Exception {
        byte[] receipt = bytes("receipt " + Examples.uniqueId("EU"));
        partner().send(GATEWAY_RECEIPTS, receipt, Map.of("PartnerNote", "not for the gateway"));

        StandInRoute.Arrival arrival = receipts.awaitArrival(receipt, Duration.ofMillis(WAIT));
        assertThat(arrival.headers()).doesNotContainKey("PartnerNote");
        assertThat(partner().browse(GATEWAY_RECEIPTS, null)).as("receipts left on Europol's broker").isEmpty();
    }

    private static StatusNotices.Notice sendReport(String messageId) throws Exception {
        String transportId = gateway.send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        Message status = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '" + transportId + "'",
                WAIT);
        assertThat(status).as("status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private static StandaloneArtemis partner() {
        return EUROPOL_BROKER.get();
    }

    private static String selector(String messageId) {
        return GatewayHeaders.MESSAGE_ID + " = '" + messageId + "'";
    }

    private static boolean hasMessageId(Message message, String messageId) {
        try {
            return messageId.equals(message.getStringProperty(GatewayHeaders.MESSAGE_ID));
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] receiptFor(String envelope) {
        return bytes("receipt for " + envelope);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
