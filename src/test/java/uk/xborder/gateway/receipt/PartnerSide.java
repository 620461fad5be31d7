package uk.xborder.gateway.receipt;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import uk.xborder.gateway.crypto.CmsSigner;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.DigestAlgorithm;
import uk.xborder.gateway.schema.receipt.PayloadDigest;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.schema.receipt.ReceiptReasonCode;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.xml.JaxbCodec;

/**
 * The test as a partner of the gateway: takes the envelope the gateway sent it, writes a receipt for it (JAXB, as a
 * partner's gateway would) and signs it with a key of the example PKI, and puts the receipt on {@code gw.receipts}
 * through a connection of its own, as a partner on the gateway's broker would.
 */
public final class PartnerSide {

    static final long WAIT = 20_000;

    private PartnerSide() {
    }

    /** The example report sent to europol, spoc-ie and nca, answered ACCEPTED, with europol's envelope taken. */
    public record Delivered(String messageId, String transportId, String exchangeId, byte[] envelope,
                     PartnerInbox.Opened opened) {
    }

    static Delivered reportDeliveredTo(RunningGateway gateway, String partner) throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        String transportId = gateway.send("police-scotland", Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        Message status = gateway.receive("gw.agency.police-scotland.status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        if (status == null) {
            throw new AssertionError("no status notice for " + messageId);
        }
        StatusNotices.Notice notice = StatusNotices.parse(RunningGateway.bodyBytes(status));
        if (!notice.outcome().equals("ACCEPTED")) {
            throw new AssertionError("the report was not accepted: " + notice.outcome());
        }
        Message delivered = gateway.receive("gw.partner." + partner + ".out", "GwMessageId = '" + messageId + "'",
                WAIT);
        if (delivered == null) {
            throw new AssertionError("no envelope for " + partner);
        }
        byte[] envelope = RunningGateway.bodyBytes(delivered);
        return new Delivered(messageId, transportId, notice.exchangeId(), envelope,
                PartnerInbox.open(partner, envelope));
    }

    /** A receipt for what the partner received: names the message, the exchange and the payload's digest. */
    public static DeliveryReceipt receipt(Delivered delivered, String partner, ReceiptOutcome outcome) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt();
        receipt.setMessageId(delivered.opened().messageId());
        receipt.setExchangeId(delivered.opened().exchangeId());
        receipt.setFrom(partner);
        receipt.setTo(delivered.opened().from());
        receipt.setReceivedAt(OffsetDateTime.now(ZoneOffset.UTC));
        PayloadDigest digest = new PayloadDigest();
        digest.setAlgorithm(DigestAlgorithm.SHA_256);
        digest.setValue(MessageDigest.getInstance("SHA-256").digest(delivered.opened().cms()));
        receipt.setPayloadDigest(digest);
        receipt.setOutcome(outcome);
        return receipt;
    }

    static DeliveryReceipt refusal(Delivered delivered, String partner, ReceiptReasonCode reason, String why)
            throws Exception {
        DeliveryReceipt receipt = receipt(delivered, partner, ReceiptOutcome.REFUSED);
        receipt.setReasonCode(reason);
        receipt.setExplanation(why);
        return receipt;
    }

    /** Signed as a party of the example PKI (certs-example/&lt;party&gt;). */
    public static byte[] signedBy(String party, DeliveryReceipt receipt) throws Exception {
        return signedBy(party, JaxbCodec.marshal(receipt));
    }

    static byte[] signedBy(String party, byte[] content) throws Exception {
        Path dir = RunningGateway.projectDirectory().resolve("certs-example").resolve(party);
        SigningIdentity identity = SigningIdentity.fromPem(dir.resolve("cert.pem"), dir.resolve("key.pem"), null);
        return CmsSigner.create(identity).sign(content);
    }

    /** Puts the bytes on gw.receipts, as the partner europol; returns the JMS message id they went in. */
    static String putOnReceiptQueue(RunningGateway gateway, byte[] receipt) throws JMSException {
        BrokerClient europol = gateway.client("europol");
        return europol.send("gw.receipts", europol.bytes(receipt));
    }

    /** The second notice the agency gets about one partner, within the wait. */
    static StatusNotices.Notice secondNotice(RunningGateway gateway, Delivered delivered, String partner,
                                             String outcome) throws Exception {
        Message status = gateway.receive("gw.agency.police-scotland.status", "GwMessageId = '"
                + delivered.messageId() + "' AND GwRecipient = '" + partner + "' AND GwOutcome = '" + outcome + "'",
                WAIT);
        if (status == null) {
            throw new AssertionError("no " + outcome + " notice for " + partner + " about " + delivered.messageId());
        }
        if (!delivered.messageId().equals(status.getJMSCorrelationID())) {
            throw new AssertionError("the notice is not correlated by the message id: " + status.getJMSCorrelationID());
        }
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    /** Every envelope for the message that reaches the partner's queue within the wait, up to {@code count}. */
    static List<Message> envelopes(RunningGateway gateway, String partner, String messageId, int count, long wait)
            throws JMSException {
        List<Message> taken = new ArrayList<>();
        long deadline = System.currentTimeMillis() + wait;
        while (taken.size() < count && System.currentTimeMillis() < deadline) {
            Message next = gateway.receive("gw.partner." + partner + ".out", "GwMessageId = '" + messageId + "'",
                    Math.max(1, deadline - System.currentTimeMillis()));
            if (next != null) {
                taken.add(next);
            }
        }
        return taken;
    }
}
