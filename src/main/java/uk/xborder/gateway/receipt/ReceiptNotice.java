package uk.xborder.gateway.receipt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.status.MessageOutcome;
import uk.xborder.gateway.schema.status.NoticeReasonCode;
import uk.xborder.gateway.schema.status.RecipientOutcome;
import uk.xborder.gateway.schema.status.RecipientStatus;
import uk.xborder.gateway.schema.status.StatusNotice;
import uk.xborder.gateway.xml.JaxbCodec;

/**
 * The second status notice of an exchange, about one partner: ACKNOWLEDGED or REFUSED_BY_PARTNER when its receipt
 * closed the exchange, FAILED (NO_RECEIPT) when no receipt came after every resend, FAILED (DELIVERY_FAILED or
 * DELIVERY_REFUSED) when a delivery being retried was given up. Like the first notice it is
 * correlated by the message id and names the agency's JMS message and the exchange; it also names the partner
 * ({@code GwRecipient}), since one message may have several.
 *
 * <p>Each notice carries a broker duplicate id of its own, so that one issued again - after a crash between the
 * ledger's decision and the send, or by a node taking up an unfinished failure - reaches the agency once.
 */
public final class ReceiptNotice {

    private final ReceiptAudit audit;
    private final Clock clock;

    ReceiptNotice(ReceiptAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The partner's receipt closed the exchange with it. */
    public void closedByReceipt(Exchange exchange) {
        ReceiptInHand inHand = exchange.getProperty(ExchangeProperties.RECEIPT, ReceiptInHand.class);
        VerifiedReceipt receipt = inHand.receipt();
        AwaitingDelivery delivery = inHand.delivery();
        String partner = delivery.partner();
        if (receipt.outcome() == ReceiptState.ACKNOWLEDGED) {
            issue(exchange, delivery, MessageOutcome.ACKNOWLEDGED, line(partner, RecipientOutcome.ACKNOWLEDGED,
                    null, null), null, null);
        } else {
            issue(exchange, delivery, MessageOutcome.REFUSED_BY_PARTNER, line(partner,
                    RecipientOutcome.REFUSED_BY_PARTNER, receipt.reason(),
                    Explanations.partners(partner, receipt.explanation())),
                    ReasonCode.REFUSED_BY_PARTNER, "'" + partner + "' received the message and refused it; its"
                            + " reason is given for it as recipient.");
        }
    }

    /** No receipt came from the partner after every resend. */
    public void noReceipt(Exchange exchange) {
        OverdueDelivery overdue = exchange.getProperty(ExchangeProperties.OVERDUE, OverdueDelivery.class);
        AwaitingDelivery delivery = overdue.delivery();
        String explanation = overdue.explanation();
        issue(exchange, delivery, MessageOutcome.FAILED, line(delivery.partner(), RecipientOutcome.FAILED,
                ReasonCode.NO_RECEIPT, explanation), ReasonCode.NO_RECEIPT, explanation);
    }

    /**
     * The hand-over to the partner was given up after the first notice said RETRYING (routes/retries.camel.yaml):
     * DELIVERY_FAILED after its last attempt, DELIVERY_REFUSED when a later attempt failed for good.
     */
    public void deliveryFailed(Exchange exchange, AwaitingDelivery delivery, ReasonCode reason, String explanation) {
        issue(exchange, delivery, MessageOutcome.FAILED, line(delivery.partner(), RecipientOutcome.FAILED, reason,
                explanation), reason, explanation);
    }

    private void issue(Exchange exchange, AwaitingDelivery delivery, MessageOutcome outcome, RecipientStatus line,
                       ReasonCode reason, String explanation) {
        StatusNotice notice = new StatusNotice();
        notice.setMessageId(delivery.messageId());
        notice.setJmsMessageId(delivery.transportMessageId());
        notice.setExchangeId(delivery.exchangeId());
        notice.setIssuedAt(clock.instant().atOffset(ZoneOffset.UTC));
        notice.setOutcome(outcome);
        notice.getRecipient().add(line);
        if (reason != null) {
            notice.setReasonCode(NoticeReasonCode.fromValue(reason.name()));
            notice.setExplanation(Explanations.limit(explanation));
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setBody(new String(JaxbCodec.marshal(notice), StandardCharsets.UTF_8));
        out.setHeader("JMSCorrelationID", delivery.messageId());
        out.setHeader(GatewayHeaders.EXCHANGE_ID, delivery.exchangeId());
        out.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, delivery.transportMessageId());
        out.setHeader(GatewayHeaders.MESSAGE_ID, delivery.messageId());
        out.setHeader(GatewayHeaders.RECIPIENT, delivery.partner());
        out.setHeader(GatewayHeaders.OUTCOME, outcome.value());
        out.setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "status|" + delivery.agency() + "|" + delivery.messageId()
                + "|" + delivery.partner() + "|" + outcome.value());
        exchange.setProperty(ExchangeProperties.AGENCY, delivery.agency());
        audit.step(delivery, Step.STATUS_ISSUED, null, "The agency was told " + outcome.value() + " for '"
                + delivery.partner() + "'.", delivery.payloadDigest());
    }

    private static RecipientStatus line(String partner, RecipientOutcome outcome, ReasonCode reason,
                                        String explanation) {
        RecipientStatus status = new RecipientStatus();
        status.setPartyId(partner);
        status.setOutcome(outcome);
        if (reason != null) {
            status.setReasonCode(NoticeReasonCode.fromValue(reason.name()));
            status.setExplanation(Explanations.limit(explanation));
        }
        return status;
    }
}
