package uk.xborder.gateway.inbound;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * Addresses the translated message to the agency's inbound queue and records that it was delivered (audit log and
 * exchange store). It carries a
 * broker duplicate-detection id of its sender and message id, so that even two nodes racing on the same repeat
 * cannot put it on the agency's queue twice.
 */
public final class AgencyDelivery {

    private final ReceivedHooks hooks;
    private final InboundAudit audit;
    private final InboundExchanges exchanges;

    public AgencyDelivery(ReceivedHooks hooks, InboundAudit audit, InboundExchanges exchanges) {
        this.hooks = hooks;
        this.audit = audit;
        this.exchanges = exchanges;
    }

    public String address(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message,
                          @Body byte[] document, Exchange exchange) {
        Agency agency = message.agency().orElseThrow();
        String sender = message.partner().orElseThrow().id();
        String messageId = message.facts().orElseThrow().messageId();
        exchange.setProperty(ExchangeProperties.ENDPOINT, "jms:queue:" + agency.inboundQueue());
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(GatewayHeaders.MESSAGE_ID, messageId);
        out.setHeader(GatewayHeaders.EXCHANGE_ID, message.exchangeId());
        out.setHeader(GatewayHeaders.SENDER, sender);
        out.setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "inbound|" + sender + "|" + messageId);
        // Agencies read text messages, as they write them.
        return new String(document, StandardCharsets.UTF_8);
    }

    public void confirm(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message, @Body String document,
                        @ExchangeProperty(ExchangeProperties.ENDPOINT) String endpoint) {
        audit.step(message, Step.DELIVERED, Digests.sha256Hex(document.getBytes(StandardCharsets.UTF_8)));
        exchanges.delivered(message, endpoint);
        message.deliveredToAgency();
    }

    /**
     * What follows a delivery (the requests it opens or answers), called once its receipt is on record. Decision:
     * not before. The JMS route holds an envelope the gateway faulted on and commits, the agency's copy included; had
     * the receipt not been recorded, the partner's resend (or an operator's replay) would be taken as new and its
     * copy, a broker duplicate of the first, would fail its transaction's commit again and again.
     */
    public void followUp(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message) {
        hooks.afterDelivery(ReceivedMessage.of(message));
    }
}
