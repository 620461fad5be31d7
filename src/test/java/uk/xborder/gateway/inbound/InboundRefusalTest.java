package uk.xborder.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;
import uk.xborder.gateway.testsupport.Receipts;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * Each kind of bad envelope a partner (or someone posing as one) can send, through the running gateway: it is
 * refused with its own reason code, the sender gets a signed REFUSED receipt saying why (when it is a partner we
 * know), the original is kept on gw.rejected with the reason in its headers, the refusal is in the audit log, nothing
 * reaches the agency, and the next good envelope is still delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundRefusalTest {

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    private static final String AGENCY_IN = "gw.agency.police-scotland.in";
    private static final long WAIT = 20_000;

    @Test
    void tamperedCiphertext() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        refusedWithReceipt(PartnerEnvelopes.withTamperedCiphertext(hit.build()), hit,
                ReasonCode.CIPHERTEXT_TAMPERED);
    }

    @Test
    void tamperedClearHeader() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        String forged = Examples.uniqueId("EUROPOL-FORGED");
        byte[] envelope = PartnerEnvelopes.edited(hit.build(), "<(?:\\w+:)?MessageId>([^<]*)<", forged);
        refusedWithReceipt(envelope, hit.headerMessageId(forged), ReasonCode.HEADER_MISMATCH);
    }

    @Test
    void encryptedForSomeoneElse() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().encryptedFor("spoc-ie");
        refusedWithReceipt(hit.build(), hit, ReasonCode.NOT_ENCRYPTED_FOR_US);
    }

    @Test
    void signedWithAnotherPartnersValidKey() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().signedBy("spoc-ie");
        refusedWithReceipt(hit.build(), hit, ReasonCode.SIGNER_NOT_SENDER);
    }

    @Test
    void contentAlteredAfterSigning() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().withContentAlteredAfterSigning();
        refusedWithReceipt(hit.build(), hit, ReasonCode.SIGNATURE_INVALID);
    }

    @Test
    void expiredSigner() throws Exception {
        PartnerEnvelopes log = PartnerEnvelopes.ncaLog().signedBy("expired");
        refusedWithReceipt(log.build(), log, ReasonCode.SIGNER_CERTIFICATE_EXPIRED);
    }

    @Test
    void revokedSigner() throws Exception {
        PartnerEnvelopes log = PartnerEnvelopes.ncaLog().signedBy("revoked");
        refusedWithReceipt(log.build(), log, ReasonCode.SIGNER_CERTIFICATE_REVOKED);
    }

    @Test
    void signerFromAnUntrustedCa() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().signedBy(PartnerEnvelopes.fromUntrustedCa(
                PartnerEnvelopes.certificate("europol").getSubjectX500Principal()));
        refusedWithReceipt(hit.build(), hit, ReasonCode.SIGNER_UNTRUSTED);
    }

    @Test
    void unsignedContent() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().unsigned();
        refusedWithReceipt(hit.build(), hit, ReasonCode.UNSIGNED_CONTENT);
    }

    @Test
    void replayedOldMessage() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().sentAt(Instant.now().minus(Duration.ofDays(31)));
        refusedWithReceipt(hit.build(), hit, ReasonCode.STALE_MESSAGE);
    }

    @Test
    void sentInTheFuture() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().sentAt(Instant.now().plus(Duration.ofHours(1)));
        refusedWithReceipt(hit.build(), hit, ReasonCode.STALE_MESSAGE);
    }

    @Test
    void malformedEnvelope() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        byte[] envelope = PartnerEnvelopes.edited(hit.build(), "<(?:\\w+:)?Payload>([^<]*)<", "not base64 at all!");
        refusedWithReceipt(envelope, hit, ReasonCode.MALFORMED_ENVELOPE);
    }

    @Test
    void unknownPartner() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().from("interpol");
        byte[] envelope = hit.build();

        GATEWAY.get().sendEnvelope(envelope);

        // Nobody to sign a receipt to: the refusal is kept and audited only.
        AuditEvent rejected = keptAndAudited(envelope, hit, ReasonCode.UNKNOWN_PARTNER);
        assertThat(rejected.sender()).isEqualTo("interpol");
        assertThat(GATEWAY.get().audit().stepsOf(rejected.exchangeId())).doesNotContain("RECEIPT_ISSUED");
        for (String partner : List.of("europol", "spoc-ie", "nca", "police-scotland")) {
            assertThat(GATEWAY.get().browse("gw.partner." + partner + ".receipts"))
                    .noneMatch(m -> property(m, "GwMessageId").equals(hit.messageId()));
        }
        nextGoodEnvelopeIsDelivered();
    }

    @Test
    void unknownAddressee() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().to("hmrc");
        DeliveryReceipt receipt = refusedWithReceipt(hit.build(), hit, ReasonCode.UNKNOWN_ADDRESSEE);
        assertThat(receipt.getFrom()).isEqualTo("hmrc");
    }

    @Test
    void handlingWithNoSafeMappingToTheAgency() throws Exception {
        // 5x5x5 handling code 4 keeps material in the originating agency: no Police Scotland code preserves that.
        PartnerEnvelopes log = PartnerEnvelopes.ncaLog().editContent("<HandlingCode>([^<]*)<", "4");
        refusedWithReceipt(log.build(), log, ReasonCode.NO_SAFE_MAPPING);
    }

    @Test
    void wrongFormat() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit().contentFormat("police-scotland-ir-1");
        refusedWithReceipt(hit.build(), hit, ReasonCode.UNEXPECTED_FORMAT);
    }

    /** Sends the envelope and checks every consequence of its refusal; returns the receipt. */
    private DeliveryReceipt refusedWithReceipt(byte[] envelope, PartnerEnvelopes sent, ReasonCode reason)
            throws Exception {
        RunningGateway gateway = GATEWAY.get();
        gateway.sendEnvelope(envelope);

        Message receiptMessage = gateway.receive("gw.partner." + sent.from() + ".receipts",
                "GwMessageId = '" + sent.headerMessageId() + "'", WAIT);
        assertThat(receiptMessage).as("receipt for " + reason).isNotNull();
        assertThat(receiptMessage.getStringProperty("GwReceiptOutcome")).isEqualTo("REFUSED");
        DeliveryReceipt receipt = Receipts.open(RunningGateway.bodyBytes(receiptMessage)).receipt();
        assertThat(receipt.getOutcome()).isEqualTo(ReceiptOutcome.REFUSED);
        assertThat(receipt.getReasonCode().value()).isEqualTo(reason.name());
        assertThat(receipt.getExplanation()).isNotBlank();
        assertThat(receipt.getMessageId()).isEqualTo(sent.headerMessageId());
        assertThat(receipt.getTo()).isEqualTo(sent.from());

        AuditEvent rejected = keptAndAudited(envelope, sent, reason);
        assertThat(gateway.audit().stepsOf(rejected.exchangeId())).contains("RECEIPT_ISSUED")
                .doesNotContain("DELIVERED");
        nextGoodEnvelopeIsDelivered();
        return receipt;
    }

    /** The original is on gw.rejected with the reason, the refusal in the audit log; nothing reached the agency. */
    private AuditEvent keptAndAudited(byte[] envelope, PartnerEnvelopes sent, ReasonCode reason) throws Exception {
        RunningGateway gateway = GATEWAY.get();
        Message kept = gateway.receive("gw.rejected", "GwMessageId = '" + sent.headerMessageId()
                + "' AND GwReasonCode = '" + reason.name() + "'", WAIT);
        assertThat(kept).as("original kept on gw.rejected for " + reason).isNotNull();
        assertThat(gateway.heldContent(kept)).isEqualTo(envelope);
        assertThat(kept.getStringProperty("GwExplanation")).isNotBlank();

        String exchangeId = kept.getStringProperty("GwExchangeId");
        List<AuditEvent> trail = gateway.audit().forExchange(exchangeId);
        assertThat(trail).extracting(AuditEvent::step).startsWith("INBOUND_RECEIVED").contains("REJECTED");
        AuditEvent rejected = trail.stream().filter(e -> e.step().equals("REJECTED")).findFirst().orElseThrow();
        assertThat(rejected.reason()).isEqualTo(reason.name());
        assertThat(rejected.outcome()).isEqualTo("REJECTED");
        assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + sent.messageId() + "'", 200)).isNull();
        return rejected;
    }

    private static void nextGoodEnvelopeIsDelivered() throws Exception {
        PartnerEnvelopes good = PartnerEnvelopes.europolHit();
        GATEWAY.get().sendEnvelope(good.build());
        assertThat(GATEWAY.get().receive(AGENCY_IN, "GwMessageId = '" + good.messageId() + "'", WAIT))
                .as("the next good envelope").isNotNull();
        assertThat(GATEWAY.get().receive("gw.partner.europol.receipts", "GwMessageId = '" + good.messageId() + "'",
                WAIT)).as("its receipt").isNotNull();
    }

    private static String property(Message message, String name) {
        try {
            return String.valueOf(message.getStringProperty(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
