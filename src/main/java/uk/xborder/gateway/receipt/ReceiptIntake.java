package uk.xborder.gateway.receipt;

import org.apache.camel.Exchange;

import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.broker.ReceivedBody;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Takes a receipt in, from a partner's queue or an HTTPS response: verifies it and finds the delivery it answers.
 * The body is left as it came, so that a refused receipt is kept exactly as received (in the exchange store; one
 * too large to be a receipt is measured, not read, and not kept).
 */
public final class ReceiptIntake {

    /** A receipt is a few kilobytes; anything far larger is not one, and is not parsed. */
    static final int MAX_RECEIPT_BYTES = 1024 * 1024;

    private static final String JMS_MESSAGE_ID = "JMSMessageID";

    private final ReceivedBodies bodies;
    private final ReceiptVerifier verifier;

    ReceiptIntake(ReceivedBodies bodies, ReceiptVerifier verifier) {
        this.bodies = bodies;
        this.verifier = verifier;
    }

    public void verify(Exchange exchange) {
        ReceivedBody body = received(exchange);
        body.requireSupported();
        if (!body.isRead()) {
            throw new ReceiptRefusedException(ReasonCode.MALFORMED_RECEIPT, "The receipt is " + body.measured()
                    + ", more than a receipt can be (" + MAX_RECEIPT_BYTES + " bytes). "
                    + ReceivedBody.notKept("receipt"), null);
        }
        VerifiedReceipt receipt = verifier.verify(body.bytes());
        exchange.setProperty(ExchangeProperties.RECEIPT,
                new ReceiptInHand(receipt, deliveryId(exchange, body), body.digest()));
        exchange.setProperty(ExchangeProperties.AGENCY, receipt.delivery().agency());
    }

    /** The receipt as received, read once (the refusal keeps what was read here, in the exchange store). */
    ReceivedBody received(Exchange exchange) {
        return bodies.read(exchange, MAX_RECEIPT_BYTES);
    }

    /**
     * What tells this delivery of a receipt apart: its JMS message id, kept by a redelivery; over HTTPS, where a
     * repeated receipt is the partner's answer to a resend, the digest of its bytes.
     */
    static String deliveryId(Exchange exchange, ReceivedBody body) {
        String jmsId = exchange.getMessage().getHeader(JMS_MESSAGE_ID, String.class);
        return jmsId != null ? jmsId : "sha256:" + body.digest();
    }
}
