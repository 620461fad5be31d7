package uk.xborder.gateway.receipt;

import java.security.GeneralSecurityException;
import java.time.ZoneOffset;

import uk.xborder.gateway.crypto.Signer;
import uk.xborder.gateway.pipeline.GatewayFault;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.DigestAlgorithm;
import uk.xborder.gateway.schema.receipt.PayloadDigest;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.schema.receipt.ReceiptReasonCode;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.PublicSchema;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * Issues the signed receipt for one received envelope: a {@code DeliveryReceipt} (schemas/receipt.xsd), checked
 * against its own schema, signed with the gateway's key as a CMS SignedData with the content inside, so that the
 * partner can prove what was received, when, and what became of it. Thread-safe.
 */
public final class ReceiptIssuer {

    /** The schema's limit for an explanation. */
    private static final int EXPLANATION_LIMIT = 2000;

    private final Signer signer;
    private final SchemaCatalog schemas;
    private final SafeXmlParser parser = new SafeXmlParser();

    public ReceiptIssuer(Signer signer, SchemaCatalog schemas) {
        this.signer = signer;
        this.schemas = schemas;
    }

    /**
     * The signed receipt (DER CMS SignedData).
     *
     * @throws GatewayFault when the receipt breaks its own schema or cannot be signed: the gateway's fault
     */
    public byte[] issue(ReceiptFacts facts) {
        byte[] xml = JaxbCodec.marshal(receipt(facts));
        try {
            schemas.validate(parser.parse(xml), PublicSchema.RECEIPT.id());
        } catch (MessageRejectedException e) {
            throw new GatewayFault("The receipt for message " + facts.messageId() + " breaks the receipt schema: "
                    + e.explanation(), e);
        }
        try {
            return signer.sign(xml);
        } catch (GeneralSecurityException e) {
            throw new GatewayFault("The receipt for message " + facts.messageId() + " could not be signed", e);
        }
    }

    static DeliveryReceipt receipt(ReceiptFacts facts) {
        DeliveryReceipt receipt = new DeliveryReceipt();
        receipt.setMessageId(facts.messageId());
        facts.exchangeId().ifPresent(receipt::setExchangeId);
        receipt.setFrom(facts.issuer());
        receipt.setTo(facts.sender());
        receipt.setReceivedAt(facts.receivedAt().atOffset(ZoneOffset.UTC));
        PayloadDigest digest = new PayloadDigest();
        digest.setAlgorithm(DigestAlgorithm.SHA_256);
        digest.setValue(facts.payloadSha256());
        receipt.setPayloadDigest(digest);
        receipt.setOutcome(ReceiptOutcome.fromValue(facts.outcome()));
        facts.refusal().ifPresent(refusal -> {
            receipt.setReasonCode(ReceiptReasonCode.fromValue(refusal.reason().name()));
            receipt.setExplanation(limit(refusal.explanation()));
        });
        return receipt;
    }

    private static String limit(String explanation) {
        return explanation.length() <= EXPLANATION_LIMIT ? explanation
                : explanation.substring(0, EXPLANATION_LIMIT - 1) + "…";
    }

    @Override
    public String toString() {
        return "ReceiptIssuer[" + signer + "]";
    }
}
