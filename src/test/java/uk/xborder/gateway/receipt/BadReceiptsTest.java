package uk.xborder.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.xborder.gateway.receipt.PartnerSide.WAIT;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.xml.JaxbCodec;

/**
 * A receipt the gateway cannot accept is kept on gw.rejected exactly as received, with its reason in headers, and
 * audited with that reason; it changes nothing: the exchange stays open, and europol's genuine receipt still closes
 * it. One test per kind of bad receipt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadReceiptsTest {

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    @Test
    void anUnsignedReceiptIsRefusedAsNotValidlySigned() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        byte[] unsigned = JaxbCodec.marshal(good(delivered));

        refused(delivered, unsigned, "RECEIPT_SIGNATURE_INVALID", false);
    }

    @Test
    void aReceiptWhoseSignedContentWasAlteredIsRefusedAsNotValidlySigned() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        byte[] signed = PartnerSide.signedBy("europol", good(delivered));
        byte[] altered = replaceOnce(signed, "DELIVERED", "DELIVERER");

        refused(delivered, altered, "RECEIPT_SIGNATURE_INVALID", false);
    }

    @Test
    void aReceiptSignedByAnotherPartnersValidKeyIsRefusedAsForged() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        // spoc-ie's certificate chains to the same EU root as europol's, and is valid: only the signer is wrong.
        byte[] forged = PartnerSide.signedBy("spoc-ie", good(delivered));

        refused(delivered, forged, "RECEIPT_SIGNER_NOT_PARTNER", true);
    }

    @Test
    void aReceiptSignedWithARevokedCertificateIsRefusedAsNotValidlySigned() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        byte[] revoked = PartnerSide.signedBy("revoked", good(delivered));

        refused(delivered, revoked, "RECEIPT_SIGNATURE_INVALID", false);
    }

    @Test
    void aReceiptForAMessageNeverSentIsRefusedAsUnknown() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        DeliveryReceipt receipt = good(delivered);
        receipt.setMessageId("PS-IR-NEVER-SENT");
        receipt.setExchangeId(null);

        refused(delivered, PartnerSide.signedBy("europol", receipt), "RECEIPT_FOR_UNKNOWN_MESSAGE", false);
    }

    @Test
    void aReceiptAddressedToAnotherAgencyIsRefusedAsUnknown() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        DeliveryReceipt receipt = good(delivered);
        receipt.setTo("nca");

        refused(delivered, PartnerSide.signedBy("europol", receipt), "RECEIPT_FOR_UNKNOWN_MESSAGE", false);
    }

    @Test
    void aReceiptNamingAnotherDigestIsRefusedAsMismatching() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        DeliveryReceipt receipt = good(delivered);
        byte[] digest = receipt.getPayloadDigest().getValue();
        digest[0] ^= 0x01;

        refused(delivered, PartnerSide.signedBy("europol", receipt), "RECEIPT_DIGEST_MISMATCH", true);
    }

    @Test
    void aSignedDocumentThatIsNotAReceiptIsRefusedAsMalformed() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        byte[] notAReceipt = ("<DeliveryReceipt xmlns=\"urn:xborder:gateway:receipt:1\"><MessageId>"
                + delivered.messageId() + "</MessageId></DeliveryReceipt>").getBytes(StandardCharsets.UTF_8);

        refused(delivered, PartnerSide.signedBy("europol", notAReceipt), "MALFORMED_RECEIPT", false);
    }

    @Test
    void aSignedReceiptWithADoctypeIsRefusedAsMalformed() throws Exception {
        PartnerSide.Delivered delivered = delivered();
        String xml = new String(JaxbCodec.marshal(good(delivered)), StandardCharsets.UTF_8)
                .replaceFirst("\\?>", "?><!DOCTYPE r [<!ENTITY x \"x\">]>");

        refused(delivered, PartnerSide.signedBy("europol", xml.getBytes(StandardCharsets.UTF_8)),
                "MALFORMED_RECEIPT", false);
    }

    private static PartnerSide.Delivered delivered() throws Exception {
        return PartnerSide.reportDeliveredTo(GATEWAY.get(), "europol");
    }

    private static DeliveryReceipt good(PartnerSide.Delivered delivered) throws Exception {
        return PartnerSide.receipt(delivered, "europol", ReceiptOutcome.DELIVERED);
    }

    /**
     * The bad receipt is kept with its reason and audited (under the exchange when it could be matched to it),
     * nothing else changes, and europol's genuine receipt closes the exchange afterwards.
     */
    private static void refused(PartnerSide.Delivered delivered, byte[] bad, String reason, boolean matched)
            throws Exception {
        RunningGateway gateway = GATEWAY.get();
        String jmsId = PartnerSide.putOnReceiptQueue(gateway, bad);

        Message kept = gateway.receive("gw.rejected", GatewayHeaders.TRANSPORT_MESSAGE_ID + " = '" + jmsId + "'",
                WAIT);
        assertThat(kept).as("the refused receipt on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty(GatewayHeaders.REASON_CODE)).isEqualTo(reason);
        assertThat(kept.getStringProperty(GatewayHeaders.EXPLANATION)).isNotBlank();
        assertThat(gateway.heldContent(kept)).as("kept exactly as received").isEqualTo(bad);

        String exchangeId = kept.getStringProperty(GatewayHeaders.EXCHANGE_ID);
        List<AuditEvent> refusals = gateway.audit().forExchange(exchangeId).stream()
                .filter(e -> e.step().equals("RECEIPT_REFUSED")).toList();
        assertThat(refusals).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.outcome()).isEqualTo("REJECTED");
            assertThat(e.operation()).isEqualTo("COLLECTION");
        });
        if (matched) {
            assertThat(exchangeId).as("audited under the exchange it claims to answer")
                    .isEqualTo(delivered.exchangeId());
            assertThat(kept.getStringProperty(GatewayHeaders.RECIPIENT)).isEqualTo("europol");
        } else {
            assertThat(exchangeId).startsWith("receipt-");
        }
        assertThat(ReceiptClosesTheExchangeTest.ledger(gateway).get(delivered.exchangeId(), "europol")).get()
                .satisfies(row -> assertThat(row.state()).as("still open").isEqualTo(ReceiptState.AWAITING));
        assertThat(ReceiptClosesTheExchangeTest.europolsTrail(gateway, delivered)).extracting(AuditEvent::step)
                .doesNotContain("RECEIPT_RECEIVED", "ACKNOWLEDGED");

        PartnerSide.putOnReceiptQueue(gateway, PartnerSide.signedBy("europol", good(delivered)));
        assertThat(PartnerSide.secondNotice(gateway, delivered, "europol", "ACKNOWLEDGED").recipient("europol")
                .outcome()).isEqualTo("ACKNOWLEDGED");
    }

    private static byte[] replaceOnce(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            byte[] copy = bytes.clone();
            System.arraycopy(replacement, 0, copy, i, replacement.length);
            return copy;
        }
        throw new AssertionError("'" + from + "' is not in the signed bytes");
    }
}
