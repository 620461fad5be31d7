package uk.xborder.gateway.outbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.crypto.Digests;

/**
 * Brackets the hand-over to the recipient's endpoint: the disclosure is in the audit log before the envelope leaves,
 * and the delivery is recorded once the endpoint has taken it.
 */
public final class Delivery {

    private final OutboundAudit audit;

    public Delivery(OutboundAudit audit) {
        this.audit = audit;
    }

    public void release(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                        @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient,
                        @Body byte[] envelope) {
        audit.recipientStep(message, recipient, Step.RELEASED, Digests.sha256Hex(envelope));
    }

    // The envelope from its property, not the body: over HTTPS the body is by now the partner's receipt.
    public void confirm(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                        @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient,
                        @ExchangeProperty(ExchangeProperties.ENVELOPE) byte[] envelope) {
        message.result(RecipientResult.accepted(recipient));
        audit.recipientStep(message, recipient, Step.DELIVERED, Digests.sha256Hex(envelope));
    }
}
