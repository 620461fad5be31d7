package uk.xborder.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import uk.xborder.gateway.schema.policescotland.IntelligenceReport;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeDetail;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;
import uk.xborder.gateway.testsupport.Receipts;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * A partner's envelope, end to end through the running gateway: Europol sends a hit notification for Police
 * Scotland to gw.inbound; Police Scotland finds it in its own format on its queue, exactly once; Europol gets a
 * signed DELIVERED receipt on its receipt queue; a repeat, before or after a restart, gets the same receipt bytes
 * and is never delivered again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundDeliveryTest {

    private static final String AGENCY_IN = "gw.agency.police-scotland.in";
    private static final String RECEIPTS = "gw.partner.europol.receipts";
    private static final long WAIT = 20_000;

    private RunningGateway gateway;

    @BeforeAll
    void start() throws Exception {
        gateway = RunningGateway.start();
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aEuropolHitReachesPoliceScotlandOnceWithASignedReceipt() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        byte[] envelope = hit.build();

        gateway.sendEnvelope(envelope);

        Message delivered = gateway.receive(AGENCY_IN, selector(hit), WAIT);
        assertThat(delivered).as("delivery to Police Scotland").isNotNull();
        assertThat(delivered.getStringProperty("GwSender")).isEqualTo("europol");
        assertThat(delivered.getStringProperty("GwExchangeId")).isNotBlank();
        byte[] xml = RunningGateway.bodyBytes(delivered);
        var document = new SafeXmlParser().parse(xml);
        SchemaCatalog.loadDefault().validate(document, "police-scotland-ir-1");
        IntelligenceReport report = JaxbCodec.unmarshal(document, IntelligenceReport.class);
        assertThat(report.getReportHeader().getReportURN()).isEqualTo(hit.messageId());
        assertThat(report.getReportHeader().getSender().getPartyId()).isEqualTo("europol");

        Message receiptMessage = gateway.receive(RECEIPTS, selector(hit), WAIT);
        assertThat(receiptMessage).as("receipt to Europol").isNotNull();
        assertThat(receiptMessage.getStringProperty("GwReceiptOutcome")).isEqualTo("DELIVERED");
        Receipts.Opened opened = Receipts.open(RunningGateway.bodyBytes(receiptMessage));
        assertThat(opened.verified().signerCertificate())
                .isEqualTo(PartnerEnvelopes.certificate("gateway"));
        DeliveryReceipt receipt = opened.receipt();
        assertThat(receipt.getMessageId()).isEqualTo(hit.messageId());
        assertThat(receipt.getExchangeId()).isEqualTo("EX-" + hit.messageId());
        assertThat(receipt.getFrom()).isEqualTo("police-scotland");
        assertThat(receipt.getTo()).isEqualTo("europol");
        assertThat(receipt.getOutcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(receipt.getReasonCode()).isNull();
        assertThat(receipt.getPayloadDigest().getValue()).isEqualTo(payloadDigest(envelope));

        String exchangeId = delivered.getStringProperty("GwExchangeId");
        assertThat(gateway.audit().stepsOf(exchangeId)).containsExactly("INBOUND_RECEIVED", "UNWRAPPED",
                "DECRYPTED", "SIGNATURE_VERIFIED", "HEADER_VERIFIED", "SCHEMA_VALID", "CANONICALISED",
                "AUTHORISED", "TRANSLATED", "DELIVERED", "RECEIPT_ISSUED");
        // Once the header is read, every event names who sent it and for whom.
        assertThat(gateway.audit().forExchange(exchangeId))
                .filteredOn(event -> !event.step().equals("INBOUND_RECEIVED")).allSatisfy(event -> {
            assertThat(event.sender()).isEqualTo("europol");
            assertThat(event.recipients()).containsExactly("police-scotland");
        });
        assertThat(gateway.audit().forExchange(exchangeId)).filteredOn(e -> e.step().equals("RECEIPT_ISSUED"))
                .singleElement().satisfies(e -> assertThat(e.operation()).isEqualTo("DISCLOSURE"));
        // In the exchange store: one inbound exchange, delivered to the agency's queue once, nothing kept.
        ExchangeDetail stored = gateway.exchangeStore().get(ExchangeReferences.inbound(exchangeId)).orElseThrow();
        assertThat(stored.exchange().direction()).isEqualTo(Direction.INBOUND);
        assertThat(stored.exchange().state()).isEqualTo(ExchangeState.DELIVERED);
        assertThat(stored.exchange().partner()).isEqualTo("europol");
        assertThat(stored.exchange().agency()).isEqualTo("police-scotland");
        assertThat(stored.attempts()).singleElement().satisfies(attempt ->
                assertThat(attempt.endpoint()).isEqualTo("jms:queue:" + AGENCY_IN));
        assertThat(stored.content()).isEmpty();

        assertThat(gateway.receive(AGENCY_IN, selector(hit), 500)).as("a second delivery").isNull();
    }

    @Test
    void aRepeatGetsTheSameReceiptAndIsNotDeliveredAgainEvenAfterARestart() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        byte[] envelope = hit.build();
        gateway.sendEnvelope(envelope);
        assertThat(gateway.receive(AGENCY_IN, selector(hit), WAIT)).isNotNull();
        Message first = gateway.receive(RECEIPTS, selector(hit), WAIT);
        byte[] firstReceipt = RunningGateway.bodyBytes(first);

        gateway.sendEnvelope(envelope);
        Message repeated = gateway.receive(RECEIPTS, selector(hit), WAIT);
        assertThat(repeated).as("receipt for the repeat").isNotNull();
        assertThat(RunningGateway.bodyBytes(repeated)).isEqualTo(firstReceipt);
        assertThat(repeated.getStringProperty("GwReceiptOutcome")).isEqualTo("DELIVERED");

        gateway.restart();
        // The same message again, even freshly encrypted and wrapped: the same receipt.
        gateway.sendEnvelope(hit.build());
        Message afterRestart = gateway.receive(RECEIPTS, selector(hit), WAIT);
        assertThat(afterRestart).as("receipt after the restart").isNotNull();
        assertThat(RunningGateway.bodyBytes(afterRestart)).isEqualTo(firstReceipt);

        assertThat(gateway.receive(AGENCY_IN, selector(hit), 1_000)).as("a second delivery").isNull();
        assertThat(gateway.browse("gw.rejected")).noneMatch(m -> hasMessageId(m, hit.messageId()));
    }

    private static boolean hasMessageId(Message message, String id) {
        try {
            return id.equals(message.getStringProperty("GwMessageId"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String selector(PartnerEnvelopes envelope) {
        return "GwMessageId = '" + envelope.headerMessageId() + "'";
    }

    static byte[] payloadDigest(byte[] envelope) throws Exception {
        Matcher payload = Pattern.compile("<(\\w+:)?Payload>([^<]*)</").matcher(new String(envelope,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(payload.find()).isTrue();
        return MessageDigest.getInstance("SHA-256").digest(Base64.getMimeDecoder().decode(payload.group(2).trim()));
    }
}
