package uk.xborder.gateway.outbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * Brackets the hand-over to the recipient's endpoint: the disclosure is in the audit log, and the exchange in the
 * exchange store as PROCESSING, before the envelope leaves; the delivery is recorded (DELIVERED, with its attempt)
 * once the endpoint has taken it.
 */
public final class Delivery {

    private final OutboundAudit audit;
    private final OutboundExchanges exchanges;

    public Delivery(OutboundAudit audit, OutboundExchanges exchanges) {
        this.audit = audit;
        this.exchanges = exchanges;
    }

    public void release(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                        @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient,
                        @Body byte[] envelope) {
        audit.recipientStep(message, recipient, Step.RELEASED, Digests.sha256Hex(envelope));
        exchanges.processing(message, recipient);
    }

    // The envelope from its property, not the body: over HTTPS the body is by now the partner's receipt.
    public void confirm(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                        @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient,
                        @ExchangeProperty(ExchangeProperties.ENVELOPE) byte[] envelope,
                        @ExchangeProperty(ExchangeProperties.ENDPOINT) String endpoint) {
        message.result(RecipientResult.accepted(recipient));
        audit.recipientStep(message, recipient, Step.DELIVERED, Digests.sha256Hex(envelope));
        exchanges.delivered(message, recipient, endpoint);
    }
}
