package uk.xborder.gateway.outbound;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.status.MessageOutcome;
import uk.xborder.gateway.schema.status.NoticeReasonCode;
import uk.xborder.gateway.schema.status.RecipientStatus;
import uk.xborder.gateway.schema.status.StatusNotice;
import uk.xborder.gateway.xml.JaxbCodec;

/**
 * Writes the status notice the agency reads from its status queue: the outcome overall and for each recipient, with
 * a reason code and a sentence wherever something was not delivered. Sent with the agency's message id as JMS
 * correlation id (the JMS message id when the message id could not be read).
 */
public final class StatusReport {

    private static final int EXPLANATION_LIMIT = 2000;

    private final OutboundAudit audit;
    private final Clock clock;

    public StatusReport(OutboundAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public void report(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        StatusNotice notice = notice(message);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setBody(new String(JaxbCodec.marshal(notice), java.nio.charset.StandardCharsets.UTF_8));
        out.setHeader("JMSCorrelationID", message.messageId().orElse(message.transportMessageId()));
        out.setHeader(GatewayHeaders.EXCHANGE_ID, message.exchangeId());
        out.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, message.transportMessageId());
        message.messageId().ifPresent(id -> out.setHeader(GatewayHeaders.MESSAGE_ID, id));
        out.setHeader(GatewayHeaders.OUTCOME, notice.getOutcome().value());
        audit.step(message, Step.STATUS_ISSUED, message.originalDigest());
    }

    StatusNotice notice(OutboundMessage message) {
        StatusNotice notice = new StatusNotice();
        message.messageId().ifPresent(notice::setMessageId);
        notice.setJmsMessageId(message.transportMessageId());
        notice.setExchangeId(message.exchangeId());
        notice.setIssuedAt(clock.instant().atOffset(ZoneOffset.UTC));
        if (message.verdict().isPresent()) {
            OutboundMessage.Verdict verdict = message.verdict().get();
            notice.setOutcome(verdict.failed() ? MessageOutcome.FAILED : MessageOutcome.REJECTED);
            notice.setReasonCode(code(verdict.reason()));
            notice.setExplanation(limit(verdict.explanation()));
            return notice;
        }
        List<RecipientResult> results = message.results();
        for (RecipientResult result : results) {
            notice.getRecipient().add(recipient(result));
        }
        notice.setOutcome(overall(results));
        if (notice.getOutcome() == MessageOutcome.REJECTED || notice.getOutcome() == MessageOutcome.FAILED) {
            RecipientResult first = results.stream()
                    .filter(r -> !r.outcome().isTakenInCharge()).findFirst().orElseThrow();
            notice.setReasonCode(code(first.reason()));
            notice.setExplanation(limit("No recipient received the message; see each recipient for the reason."));
        }
        return notice;
    }

    private static MessageOutcome overall(List<RecipientResult> results) {
        // A recipient being tried again counts as accepted: the gateway has it in charge, and a second notice says
        // how it ended. So a partner that is down does not make an agency act on a message that may yet arrive.
        long accepted = results.stream().filter(r -> r.outcome().isTakenInCharge()).count();
        if (accepted == results.size() && accepted > 0) {
            return MessageOutcome.ACCEPTED;
        }
        if (accepted > 0) {
            return MessageOutcome.PARTIALLY_ACCEPTED;
        }
        boolean anyFailed = results.stream().anyMatch(r -> r.outcome() == RecipientOutcome.FAILED);
        return anyFailed ? MessageOutcome.FAILED : MessageOutcome.REJECTED;
    }

    private static RecipientStatus recipient(RecipientResult result) {
        RecipientStatus status = new RecipientStatus();
        status.setPartyId(result.partyId());
        status.setOutcome(uk.xborder.gateway.schema.status.RecipientOutcome.fromValue(result.outcome().name()));
        if (result.reason() != null) {
            status.setReasonCode(code(result.reason()));
        }
        if (result.explanation() != null) {
            status.setExplanation(limit(result.explanation()));
        }
        return status;
    }

    private static NoticeReasonCode code(ReasonCode reason) {
        return NoticeReasonCode.fromValue(reason.name());
    }

    private static String limit(String explanation) {
        return explanation.length() <= EXPLANATION_LIMIT ? explanation
                : explanation.substring(0, EXPLANATION_LIMIT - 1) + "…";
    }
}
