package uk.xborder.gateway.receipt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;

import uk.xborder.gateway.crypto.CmsSignatureVerifier;
import uk.xborder.gateway.crypto.CmsVerificationException;
import uk.xborder.gateway.crypto.SignatureInvalidException;
import uk.xborder.gateway.crypto.VerifiedContent;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;

/**
 * Decides whether a receipt (DER CMS SignedData with the receipt XML inside) may close a delivery, in this order,
 * each failure with its own reason:
 * <ol>
 *   <li>it is a SignedData whose signature verifies and whose signer chains to a partner's trust anchor, checked
 *       for revocation - before a byte of its content is read ({@code RECEIPT_SIGNATURE_INVALID});</li>
 *   <li>the content is a delivery receipt by {@code schemas/receipt.xsd} ({@code MALFORMED_RECEIPT});</li>
 *   <li>it answers a delivery the gateway made: addressed to one of our agencies, from the partner the message
 *       went to, naming its message id (and exchange id, if it names one) ({@code RECEIPT_FOR_UNKNOWN_MESSAGE});</li>
 *   <li>it is signed by that partner: the signer's subject is that of the partner's directory certificate
 *       ({@code RECEIPT_SIGNER_NOT_PARTNER}: another party's valid key cannot close someone else's exchange), and
 *       the signer chains to that partner's own trust anchors ({@code RECEIPT_SIGNATURE_INVALID});</li>
 *   <li>its digest is that of the payload the gateway sent ({@code RECEIPT_DIGEST_MISMATCH}).</li>
 * </ol>
 * Thread-safe.
 */
public final class ReceiptVerifier {

    private final PartnerTrust trust;
    private final ReceiptReader reader;
    private final PartyDirectory directory;
    private final AwaitingReceipts awaiting;
    private final SentEnvelope sent;

    ReceiptVerifier(PartnerTrust trust, ReceiptReader reader, PartyDirectory directory, AwaitingReceipts awaiting,
                    SentEnvelope sent) {
        this.trust = trust;
        this.reader = reader;
        this.directory = directory;
        this.awaiting = awaiting;
        this.sent = sent;
    }

    /**
     * @throws ReceiptRefusedException naming why the receipt cannot close anything
     */
    public VerifiedReceipt verify(byte[] signedReceipt) {
        CmsSignatureVerifier anyPartner = trust.forAnyPartner().orElseThrow(() -> refused(
                ReasonCode.RECEIPT_SIGNATURE_INVALID, "No partner has a trust anchor and CRL configured, so no"
                        + " receipt signature can be trusted.", null));
        VerifiedContent signed = signature(anyPartner, signedReceipt, null);
        DeliveryReceipt receipt = reader.read(signed.content());
        AwaitingDelivery delivery = deliveryAnswered(receipt);

        Partner partner = directory.partner(delivery.partner()).orElseThrow(() -> refused(
                ReasonCode.RECEIPT_FOR_UNKNOWN_MESSAGE, "The receipt names partner '" + delivery.partner()
                        + "', which is no longer in the partner directory.", delivery));
        signedByThePartner(signed.signerCertificate(), partner, delivery);
        CmsSignatureVerifier partnersOwn = trust.forPartner(partner.id()).orElseThrow(() -> refused(
                ReasonCode.RECEIPT_SIGNATURE_INVALID, "Partner '" + partner.id() + "' has no trust anchor and CRL"
                        + " configured, so its receipts cannot be trusted.", delivery));
        signature(partnersOwn, signedReceipt, delivery);
        digestMatches(receipt, delivery);

        boolean delivered = receipt.getOutcome() == ReceiptOutcome.DELIVERED;
        return new VerifiedReceipt(delivery,
                delivered ? ReceiptState.ACKNOWLEDGED : ReceiptState.REFUSED_BY_PARTNER,
                delivered ? null : partnersReason(receipt),
                receipt.getExplanation(),
                receipt.getReceivedAt().toInstant());
    }

    private static VerifiedContent signature(CmsSignatureVerifier verifier, byte[] signedReceipt,
                                             AwaitingDelivery delivery) {
        try {
            return verifier.verify(signedReceipt);
        } catch (SignatureInvalidException e) {
            throw refused(ReasonCode.RECEIPT_SIGNATURE_INVALID, Explanations.sentence("The receipt is not validly"
                    + " signed: " + e.getMessage()), delivery);
        } catch (CmsVerificationException e) {
            throw refused(ReasonCode.RECEIPT_SIGNATURE_INVALID, Explanations.sentence("The receipt's signer is not"
                    + " trusted: " + e.getMessage()), delivery);
        }
    }

    private AwaitingDelivery deliveryAnswered(DeliveryReceipt receipt) {
        Optional<Agency> agency = directory.agencyAddressedAs(receipt.getTo());
        if (agency.isEmpty()) {
            throw refused(ReasonCode.RECEIPT_FOR_UNKNOWN_MESSAGE, "The receipt is addressed to '" + receipt.getTo()
                    + "', which is none of this gateway's agencies.", null);
        }
        return awaiting.find(agency.get().id(), receipt.getMessageId(), receipt.getFrom(), receipt.getExchangeId())
                .orElseThrow(() -> refused(ReasonCode.RECEIPT_FOR_UNKNOWN_MESSAGE, "No message '"
                        + receipt.getMessageId() + "' from '" + receipt.getTo() + "' was sent to '"
                        + receipt.getFrom() + "'" + (receipt.getExchangeId() == null ? ""
                        : " in exchange " + receipt.getExchangeId()) + ".", null));
    }

    private static void signedByThePartner(X509Certificate signer, Partner partner, AwaitingDelivery delivery) {
        if (!signer.getSubjectX500Principal().equals(partner.certificate().getSubjectX500Principal())) {
            throw refused(ReasonCode.RECEIPT_SIGNER_NOT_PARTNER, "The receipt for '" + delivery.messageId()
                    + "' is signed by '" + signer.getSubjectX500Principal().getName() + "', not by partner '"
                    + partner.id() + "' ('" + partner.certificate().getSubjectX500Principal().getName() + "').",
                    delivery);
        }
    }

    private void digestMatches(DeliveryReceipt receipt, AwaitingDelivery delivery) {
        String algorithm = receipt.getPayloadDigest().getAlgorithm().value();
        byte[] named = receipt.getPayloadDigest().getValue();
        byte[] expected = "SHA-256".equals(algorithm)
                ? HexFormat.of().parseHex(delivery.payloadDigest())
                : digest(algorithm, sent.payload(awaiting.envelope(delivery)));
        if (!MessageDigest.isEqual(named, expected)) {
            throw refused(ReasonCode.RECEIPT_DIGEST_MISMATCH, "The receipt for '" + delivery.messageId()
                    + "' names a " + algorithm + " digest that is not that of the payload sent to '"
                    + delivery.partner() + "'.", delivery);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every Java platform", e);
        }
    }

    private static ReasonCode partnersReason(DeliveryReceipt receipt) {
        if (receipt.getReasonCode() == null) {
            return ReasonCode.REFUSED_BY_PARTNER;
        }
        try {
            return ReasonCode.valueOf(receipt.getReasonCode().value());
        } catch (IllegalArgumentException unknownHere) {
            return ReasonCode.REFUSED_BY_PARTNER;
        }
    }

    private static ReceiptRefusedException refused(ReasonCode reason, String explanation, AwaitingDelivery delivery) {
        return new ReceiptRefusedException(reason, explanation, delivery);
    }
}
