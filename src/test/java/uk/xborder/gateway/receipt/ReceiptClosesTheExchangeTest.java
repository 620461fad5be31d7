package uk.xborder.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.xborder.gateway.receipt.PartnerSide.WAIT;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.DigestAlgorithm;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.schema.receipt.ReceiptReasonCode;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * End to end on the real gateway and its embedded broker, the test acting as the partner europol: the report goes
 * out (first notice ACCEPTED), europol's signed receipt comes back on gw.receipts, and the agency gets a second
 * notice for europol - ACKNOWLEDGED, or REFUSED_BY_PARTNER with europol's own reason - once, however many receipts
 * follow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptClosesTheExchangeTest {

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void aDeliveredReceiptFromEuropolGivesTheAgencyASecondNoticeAcknowledged() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        PartnerSide.Delivered delivered = PartnerSide.reportDeliveredTo(gateway, "europol");

        PartnerSide.putOnReceiptQueue(gateway, PartnerSide.signedBy("europol",
                PartnerSide.receipt(delivered, "europol", ReceiptOutcome.DELIVERED)));

        StatusNotices.Notice notice = PartnerSide.secondNotice(gateway, delivered, "europol", "ACKNOWLEDGED");
        assertThat(notice.outcome()).isEqualTo("ACKNOWLEDGED");
        assertThat(notice.messageId()).isEqualTo(delivered.messageId());
        assertThat(notice.jmsMessageId()).isEqualTo(delivered.transportId());
        assertThat(notice.exchangeId()).isEqualTo(delivered.exchangeId());
        assertThat(notice.recipients()).containsOnlyKeys("europol");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("ACKNOWLEDGED");
        assertThat(notice.reasonCode()).isNull();

        List<AuditEvent> europol = europolsTrail(gateway, delivered);
        assertThat(europol).extracting(AuditEvent::step).containsSubsequence("RELEASED", "DELIVERED",
                "RECEIPT_RECEIVED", "ACKNOWLEDGED", "STATUS_ISSUED");
        assertThat(gateway.exchangeStore().exchange(ExchangeReferences.outbound(delivered.exchangeId(), "europol"))
                .orElseThrow().state()).as("in the exchange store").isEqualTo(ExchangeState.ACKNOWLEDGED);
        assertThat(europol).filteredOn(e -> e.step().equals("RECEIPT_RECEIVED")).singleElement()
                .satisfies(e -> assertThat(e.operation()).isEqualTo("COLLECTION"));
        assertThat(ledger(gateway).get(delivered.exchangeId(), "europol")).get()
                .satisfies(row -> assertThat(row.state()).isEqualTo(ReceiptState.ACKNOWLEDGED));
        assertThat(ledger(gateway).get(delivered.exchangeId(), "spoc-ie")).as("the others still wait").get()
                .satisfies(row -> assertThat(row.state()).isEqualTo(ReceiptState.AWAITING));
    }

    @Test
    void aRefusingReceiptGivesRefusedByPartnerWithThePartnersReason() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        PartnerSide.Delivered delivered = PartnerSide.reportDeliveredTo(gateway, "europol");
        String why = "The handling code H2 of item 1 does not allow Europol to pass it on to the requested unit.";

        PartnerSide.putOnReceiptQueue(gateway, PartnerSide.signedBy("europol", PartnerSide.refusal(delivered,
                "europol", ReceiptReasonCode.HANDLING_FORBIDS_DISSEMINATION, why)));

        StatusNotices.Notice notice = PartnerSide.secondNotice(gateway, delivered, "europol", "REFUSED_BY_PARTNER");
        assertThat(notice.outcome()).isEqualTo("REFUSED_BY_PARTNER");
        assertThat(notice.reasonCode()).isEqualTo("REFUSED_BY_PARTNER");
        assertThat(notice.recipient("europol").outcome()).isEqualTo("REFUSED_BY_PARTNER");
        assertThat(notice.recipient("europol").reasonCode()).isEqualTo("HANDLING_FORBIDS_DISSEMINATION");
        assertThat(notice.recipient("europol").explanation()).isEqualTo(why);

        assertThat(europolsTrail(gateway, delivered)).filteredOn(e -> e.step().equals("REFUSED_BY_PARTNER"))
                .singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("REFUSED");
                    assertThat(e.reason()).isEqualTo("HANDLING_FORBIDS_DISSEMINATION");
                    assertThat(e.explanation()).isEqualTo(why);
                });
        assertThat(ledger(gateway).get(delivered.exchangeId(), "europol")).get().satisfies(row -> {
            assertThat(row.state()).isEqualTo(ReceiptState.REFUSED_BY_PARTNER);
            assertThat(row.closingReason()).isEqualTo("HANDLING_FORBIDS_DISSEMINATION");
        });
    }

    @Test
    void aReceiptMayNameTheDigestOfThePayloadWithAnotherAlgorithmTheSchemaAllows() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        PartnerSide.Delivered delivered = PartnerSide.reportDeliveredTo(gateway, "europol");
        DeliveryReceipt receipt = PartnerSide.receipt(delivered, "europol", ReceiptOutcome.DELIVERED);
        receipt.getPayloadDigest().setAlgorithm(DigestAlgorithm.SHA_512);
        receipt.getPayloadDigest().setValue(MessageDigest.getInstance("SHA-512").digest(delivered.opened().cms()));

        PartnerSide.putOnReceiptQueue(gateway, PartnerSide.signedBy("europol", receipt));

        assertThat(PartnerSide.secondNotice(gateway, delivered, "europol", "ACKNOWLEDGED").outcome())
                .isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aSecondReceiptForAClosedExchangeIsRecordedAndGivesNoSecondNotice() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        PartnerSide.Delivered delivered = PartnerSide.reportDeliveredTo(gateway, "europol");
        byte[] receipt = PartnerSide.signedBy("europol",
                PartnerSide.receipt(delivered, "europol", ReceiptOutcome.DELIVERED));
        PartnerSide.putOnReceiptQueue(gateway, receipt);
        PartnerSide.secondNotice(gateway, delivered, "europol", "ACKNOWLEDGED");

        // The same receipt again, as a partner answers a resend, and then a refusal contradicting it.
        PartnerSide.putOnReceiptQueue(gateway, receipt);
        PartnerSide.putOnReceiptQueue(gateway, PartnerSide.signedBy("europol", PartnerSide.refusal(delivered,
                "europol", ReceiptReasonCode.SIGNER_UNTRUSTED, "Changed our mind.")));

        await().atMost(Duration.ofMillis(WAIT)).untilAsserted(() -> assertThat(europolsTrail(gateway, delivered))
                .filteredOn(e -> e.step().equals("RECEIPT_RECEIVED")).hasSize(3));
        List<AuditEvent> europol = europolsTrail(gateway, delivered);
        assertThat(europol).filteredOn(e -> e.step().equals("RECEIPT_RECEIVED")).extracting(AuditEvent::explanation)
                .filteredOn(text -> text.contains("changes nothing")).hasSize(2);
        assertThat(europol).extracting(AuditEvent::step).doesNotContain("REFUSED_BY_PARTNER")
                .containsOnlyOnce("ACKNOWLEDGED", "STATUS_ISSUED");
        assertThat(gateway.receive("gw.agency.police-scotland.status", "GwMessageId = '" + delivered.messageId()
                + "' AND GwRecipient = 'europol'", 2_000)).as("no second notice").isNull();
        assertThat(ledger(gateway).get(delivered.exchangeId(), "europol")).get()
                .satisfies(row -> assertThat(row.state()).isEqualTo(ReceiptState.ACKNOWLEDGED));
    }

    @Test
    void eachPartnerClosesItsOwnExchangeWithItsOwnKey() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        PartnerSide.Delivered toEuropol = PartnerSide.reportDeliveredTo(gateway, "europol");
        Message forSpocIe = gateway.receive("gw.partner.spoc-ie.out", "GwMessageId = '" + toEuropol.messageId()
                + "'", WAIT);
        PartnerSide.Delivered toSpocIe = new PartnerSide.Delivered(toEuropol.messageId(), toEuropol.transportId(),
                toEuropol.exchangeId(), RunningGateway.bodyBytes(forSpocIe),
                uk.xborder.gateway.testsupport.PartnerInbox.open("spoc-ie", RunningGateway.bodyBytes(forSpocIe)));

        PartnerSide.putOnReceiptQueue(gateway, PartnerSide.signedBy("spoc-ie",
                PartnerSide.receipt(toSpocIe, "spoc-ie", ReceiptOutcome.DELIVERED)));

        StatusNotices.Notice notice = PartnerSide.secondNotice(gateway, toSpocIe, "spoc-ie", "ACKNOWLEDGED");
        assertThat(notice.recipients()).containsOnlyKeys("spoc-ie");
        assertThat(ledger(gateway).get(toEuropol.exchangeId(), "europol")).get()
                .satisfies(row -> assertThat(row.state()).isEqualTo(ReceiptState.AWAITING));
    }

    @Test
    void aReceiptHandedOverAsTheHttpsTransportWouldClosesTheExchangeOnceHoweverOftenItComes() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        PartnerSide.Delivered delivered = PartnerSide.reportDeliveredTo(gateway, "europol");
        byte[] receipt = PartnerSide.signedBy("europol",
                PartnerSide.receipt(delivered, "europol", ReceiptOutcome.DELIVERED));

        // What the HTTPS transport does with the response body: no JMS message, so no JMS message id.
        gateway.context().createProducerTemplate().sendBody("direct:outbound-receipt", receipt);
        PartnerSide.secondNotice(gateway, delivered, "europol", "ACKNOWLEDGED");
        // The partner answers a resend with the same receipt again.
        gateway.context().createProducerTemplate().sendBody("direct:outbound-receipt", receipt);

        assertThat(gateway.receive("gw.agency.police-scotland.status", "GwMessageId = '" + delivered.messageId()
                + "' AND GwRecipient = 'europol'", 2_000)).as("no second notice").isNull();
        assertThat(europolsTrail(gateway, delivered)).extracting(AuditEvent::step)
                .containsOnlyOnce("RECEIPT_RECEIVED", "ACKNOWLEDGED", "STATUS_ISSUED");
    }

    static List<AuditEvent> europolsTrail(RunningGateway gateway, PartnerSide.Delivered delivered) {
        return gateway.audit().forExchange(delivered.exchangeId()).stream()
                .filter(e -> e.recipients().equals(List.of("europol"))).toList();
    }

    static AwaitingReceipts ledger(RunningGateway gateway) {
        return gateway.context().getRegistry().lookupByNameAndType("awaitingReceipts", AwaitingReceipts.class);
    }
}
