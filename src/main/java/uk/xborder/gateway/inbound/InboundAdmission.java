package uk.xborder.gateway.inbound;

import java.security.cert.X509Certificate;
import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * First step: takes an envelope in, opens its exchange record, logs its receipt, records it in the exchange store
 * (RECEIVED) and refuses it outright when it is not a text or bytes message, or larger than the configured limit
 * (measured before it is read).
 */
public final class InboundAdmission {

    /** The value of {@link ExchangeProperties#INBOUND_TRANSPORT} the JMS inbound route sets. */
    public static final String JMS = "JMS";

    private final ReceivedBodies bodies;
    private final long maxEnvelopeBytes;
    private final InboundAudit audit;
    private final InboundExchanges exchanges;
    private final InboundReplayClaims replays;
    private final Clock clock;

    public InboundAdmission(ReceivedBodies bodies, long maxEnvelopeBytes, InboundAudit audit,
                            InboundExchanges exchanges, InboundReplayClaims replays, Clock clock) {
        this.bodies = bodies;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.audit = audit;
        this.exchanges = exchanges;
        this.replays = replays;
        this.clock = clock;
    }

    public void admit(Exchange exchange) {
        InboundMessage message = open(exchange);
        // only on the gateway's own gw.inbound: an HTTPS request's headers, or a partner broker's, claim nothing
        InboundReplayClaims.Verdict claim = message.byJms()
                ? replays.check(exchange.getMessage().getHeader(GatewayHeaders.BROKER_VALIDATED_USER, String.class),
                        exchange.getMessage().getHeader(GatewayHeaders.REPLAY_OF, String.class),
                        message.originalDigest())
                : InboundReplayClaims.Verdict.none();
        claim.replayed().ifPresent(message::replayOf);
        if (claim.replayed().isPresent()) {
            StoredExchange replayed = claim.replayed().get();
            audit.step(message, Step.INBOUND_RECEIVED, message.originalDigest(), "An operator's replay of exchange "
                    + replayed.exchangeId() + " (reference " + replayed.reference() + "), put on gw.inbound by the "
                    + "gateway and vouched for by the exchange store; first received at " + replayed.createdAt()
                    + ", checked again from its first byte.");
        } else if (claim.setAsideBecause().isPresent()) {
            audit.step(message, Step.INBOUND_RECEIVED, message.originalDigest(), "It claims to be a replay, but "
                    + claim.setAsideBecause().get() + ": taken as any envelope arriving now.");
        } else {
            audit.step(message, Step.INBOUND_RECEIVED, message.originalDigest());
        }
        exchanges.received(message);
        exchange.getMessage().setBody(message.received().admit("envelope", maxEnvelopeBytes));
    }

    /**
     * The exchange record, created on first use. Error handlers call this too, so that an envelope that failed
     * before admission finished is still recorded and kept.
     */
    public InboundMessage open(Exchange exchange) {
        InboundMessage existing = exchange.getProperty(ExchangeProperties.INBOUND, InboundMessage.class);
        if (existing != null) {
            return existing;
        }
        Message in = exchange.getMessage();
        String jmsId = in.getHeader("JMSMessageID", String.class);
        // Over HTTPS there is no transport id to tell a redelivery by: every request is a new arrival.
        String transportId = jmsId != null ? jmsId : "exchange:" + exchange.getExchangeId();
        InboundMessage message = new InboundMessage(transportId,
                JMS.equals(exchange.getProperty(ExchangeProperties.INBOUND_TRANSPORT, String.class)),
                exchange.getProperty(ExchangeProperties.CLIENT_CERTIFICATE, X509Certificate.class),
                bodies.read(exchange, maxEnvelopeBytes), clock.instant());
        exchange.setProperty(ExchangeProperties.INBOUND, message);
        return message;
    }
}
