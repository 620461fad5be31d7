package uk.xborder.gateway.receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Deliveries whose receipt is overdue, taken up on the resend timer (never on an agency's consumer thread). Within
 * the partner's resend attempts the same envelope is sent again - same bytes, same message id and exchange id - with
 * a new broker duplicate id, since the partner's broker would drop the old one and the partner could never answer;
 * the partner's gateway drops the duplicate itself and answers with its receipt again. After the last resend the
 * delivery is FAILED (NO_RECEIPT): the envelope is kept in the exchange store, the failed queue gets a notice of it
 * and the agency is told.
 *
 * <p>Each resend and each failure is claimed in the ledger first (a conditional UPDATE), so among nodes sharing the
 * database exactly one acts on it. A failure is marked notified only once the agency has been told; one left
 * unnotified by a crash is taken up again after a while, and the broker's duplicate ids keep it from being told
 * twice.
 */
public final class OverdueReceipts {

    /** How long a node that claimed a failure has to tell the agency before another may take it up. */
    private static final Duration LEAST_NOTICE_LEASE = Duration.ofSeconds(30);
    /** For a delivery whose partner has left the directory: give up at once. */
    private static final Duration GONE_PARTNER_TIMEOUT = Duration.ZERO;

    private final AwaitingReceipts awaiting;
    private final PartyDirectory directory;
    private final ReceiptAudit audit;
    private final ReceiptExchanges exchanges;
    private final int batchSize;
    private final Clock clock;

    OverdueReceipts(AwaitingReceipts awaiting, PartyDirectory directory, ReceiptAudit audit,
                    ReceiptExchanges exchanges, int batchSize, Clock clock) {
        this.awaiting = awaiting;
        this.directory = directory;
        this.audit = audit;
        this.exchanges = exchanges;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** The overdue deliveries this node has claimed, each to send again or to give up on. */
    public List<OverdueDelivery> claim() {
        Instant now = clock.instant();
        List<OverdueDelivery> claimed = new ArrayList<>();
        for (AwaitingDelivery delivery : awaiting.due(batchSize)) {
            Optional<Partner> partner = directory.partner(delivery.partner());
            Duration timeout = partner.map(Partner::receiptTimeout).orElse(GONE_PARTNER_TIMEOUT);
            int resends = partner.map(Partner::resendAttempts).orElse(0);
            if (delivery.state() == ReceiptState.AWAITING && delivery.attempts() <= resends) {
                if (awaiting.claimResend(delivery, now.plus(timeout))) {
                    claimed.add(OverdueDelivery.resend(delivery, delivery.attempts()));
                }
                continue;
            }
            String explanation = delivery.state() == ReceiptState.FAILED && delivery.closingExplanation() != null
                    ? delivery.closingExplanation() : explanation(delivery, partner, timeout);
            Duration lease = timeout.compareTo(LEAST_NOTICE_LEASE) > 0 ? timeout : LEAST_NOTICE_LEASE;
            if (awaiting.claimFailure(delivery, ReasonCode.NO_RECEIPT.name(), explanation, now.plus(lease))) {
                claimed.add(OverdueDelivery.giveUp(delivery, explanation));
            }
        }
        return claimed;
    }

    /** Readies the same envelope to be sent again to the partner's endpoint; recorded before it leaves. */
    public void resend(Exchange exchange) {
        OverdueDelivery overdue = exchange.getMessage().getBody(OverdueDelivery.class);
        AwaitingDelivery delivery = overdue.delivery();
        byte[] envelope = awaiting.envelope(delivery);
        exchange.setProperty(ExchangeProperties.OVERDUE, overdue);
        exchange.setProperty(ExchangeProperties.AGENCY, delivery.agency());
        exchange.setProperty(ExchangeProperties.RECIPIENT, delivery.partner());
        exchange.setProperty(ExchangeProperties.ENDPOINT, delivery.endpoint());
        // By the endpoint it was first sent to: a resend goes the same way, whatever the directory says now.
        exchange.setProperty(ExchangeProperties.TRANSPORT, (delivery.endpoint().startsWith("https://")
                ? Partner.Transport.HTTPS : Partner.Transport.JMS).name());
        Message out = envelopeMessage(exchange, delivery, envelope);
        out.setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, delivery.agency() + "|" + delivery.messageId() + "|"
                + delivery.partner() + "|resend-" + overdue.resendNumber());
        audit.step(delivery, Step.RESENT, "resend-" + overdue.resendNumber(), "No receipt from '"
                + delivery.partner() + "' yet: the same envelope is sent again (resend " + overdue.resendNumber()
                + ").", Digests.sha256Hex(envelope));
    }

    /** The endpoint took the envelope again: an attempt of the exchange. */
    public void resent(Exchange exchange) {
        OverdueDelivery overdue = exchange.getProperty(ExchangeProperties.OVERDUE, OverdueDelivery.class);
        exchanges.resent(overdue.delivery(), overdue.resendNumber());
    }

    /**
     * Records the failure, keeps the envelope in the exchange store to replay, and readies the notice for the
     * failed queue (the reference and reason, no content); the route sends it there.
     */
    public void giveUp(Exchange exchange) {
        OverdueDelivery overdue = exchange.getMessage().getBody(OverdueDelivery.class);
        AwaitingDelivery delivery = overdue.delivery();
        byte[] envelope = awaiting.envelope(delivery);
        exchange.setProperty(ExchangeProperties.OVERDUE, overdue);
        exchange.setProperty(ExchangeProperties.AGENCY, delivery.agency());
        exchange.setProperty(ExchangeProperties.RECIPIENT, delivery.partner());
        audit.outcome(delivery, Step.RECEIPT_OVERDUE, null, AuditOutcome.FAILED, ReasonCode.NO_RECEIPT,
                overdue.explanation(), Digests.sha256Hex(envelope));
        String reference = exchanges.noReceipt(delivery, overdue.explanation(), envelope);
        Message held = exchange.getMessage();
        held.removeHeaders("*");
        held.setBody(reference);
        held.setHeader(GatewayHeaders.EXCHANGE_REFERENCE, reference);
        held.setHeader(GatewayHeaders.MESSAGE_ID, delivery.messageId());
        held.setHeader(GatewayHeaders.EXCHANGE_ID, delivery.exchangeId());
        held.setHeader(GatewayHeaders.AGENCY, delivery.agency());
        held.setHeader(GatewayHeaders.RECIPIENT, delivery.partner());
        held.setHeader(GatewayHeaders.REASON_CODE, ReasonCode.NO_RECEIPT.name());
        held.setHeader(GatewayHeaders.EXPLANATION, overdue.explanation());
        held.setHeader(GatewayHeaders.FAILED_STEP, "receipt");
        held.setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "failed|" + delivery.agency() + "|"
                + delivery.messageId() + "|" + delivery.partner() + "|" + ReasonCode.NO_RECEIPT.name());
    }

    /** The agency has been told: the failure is done with. */
    public void notified(Exchange exchange) {
        awaiting.notified(exchange.getProperty(ExchangeProperties.OVERDUE, OverdueDelivery.class).delivery());
    }

    private static Message envelopeMessage(Exchange exchange, AwaitingDelivery delivery, byte[] envelope) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setBody(envelope);
        out.setHeader(GatewayHeaders.MESSAGE_ID, delivery.messageId());
        out.setHeader(GatewayHeaders.EXCHANGE_ID, delivery.exchangeId());
        out.setHeader(GatewayHeaders.AGENCY, delivery.agency());
        out.setHeader(GatewayHeaders.RECIPIENT, delivery.partner());
        return out;
    }

    private static String explanation(AwaitingDelivery delivery, Optional<Partner> partner, Duration timeout) {
        if (partner.isEmpty()) {
            return "Partner '" + delivery.partner() + "' is no longer in the partner directory, so no receipt can be"
                    + " awaited from it; the envelope is held for replay.";
        }
        return "No receipt came from '" + delivery.partner() + "' within " + timeout + " of any of the "
                + delivery.attempts() + " times the envelope was sent; the exchange with '" + delivery.partner()
                + "' failed and the envelope is held for replay.";
    }
}
