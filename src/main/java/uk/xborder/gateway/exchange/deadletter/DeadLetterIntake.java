package uk.xborder.gateway.exchange.deadletter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.broker.ReceivedBody;
import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.Recording;
import uk.xborder.gateway.outbound.OutboundMessage;
import uk.xborder.gateway.pipeline.GatewayFault;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Takes a message the broker parked on gw.dlq into the exchange store, so that operators find it with every other
 * failed exchange and replay ({@link DeadLetterResend}) or discard it the same way (routes/dead-letters.camel.yaml).
 *
 * <p>Each dead letter becomes one FAILED exchange, its reference derived from its JMS message id (a redelivery from
 * gw.dlq records into the same row), its direction and parties read from its original address
 * ({@link DeadLetterOrigin}), its explanation naming that address and the delivery attempts; then one audit event
 * ({@link Step#DEAD_LETTER_TAKEN}, keyed by the reference, no content). All of it before the consumer's JMS
 * transaction commits, which is what takes the message off gw.dlq: if either write fails, the message stays.
 *
 * <p>What is kept depends on what it is:
 * <ul>
 *   <li>text or bytes within the limit: {@link ReasonCode#DEAD_LETTER}, its content (original address, properties,
 *       body: {@link DeadLetterContent}) sealed in the store;</li>
 *   <li>the same without an original address: {@link ReasonCode#DEAD_LETTER_UNADDRESSED}, kept sealed, but it cannot
 *       be resent;</li>
 *   <li>another JMS type ({@link ReasonCode#DEAD_LETTER_UNSUPPORTED_TYPE}, its body never read or deserialized), or
 *       a body over the limit ({@link ReasonCode#DEAD_LETTER_TOO_LARGE}, measured, never in memory): recorded
 *       without content, and then {@link DeadLetterNotKeptException} rolls the delivery back, so that the broker,
 *       after gw.dlq's own delivery attempts, moves the message untouched to gw.dlq.unkept. It is never lost, and its
 *       record says where it is.</li>
 * </ul>
 */
public final class DeadLetterIntake {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterIntake.class);
    private static final String ACTOR = "gateway/dead-letters";
    /** Where the broker parks what the store cannot keep (gw.dlq's own dead-letter address). */
    public static final String UNKEPT_QUEUE = uk.xborder.gateway.broker.EmbeddedBroker.UNKEPT_DEAD_LETTERS;

    private final ExchangeStore store;
    private final AuditTrail trail;
    private final ReceivedBodies bodies;
    private final long maxBytes;
    private final int brokerDeliveryAttempts;
    private final Clock clock;

    /**
     * @param maxBytes               the largest body kept: anything larger is more than the gateway takes in
     * @param brokerDeliveryAttempts gateway.broker.max-delivery-attempts, after which the broker parked it
     */
    public DeadLetterIntake(ExchangeStore store, AuditTrail trail, ReceivedBodies bodies, long maxBytes,
                            int brokerDeliveryAttempts, Clock clock) {
        this.store = store;
        this.trail = trail;
        this.bodies = bodies;
        this.maxBytes = maxBytes;
        this.brokerDeliveryAttempts = brokerDeliveryAttempts;
        this.clock = clock;
    }

    /** Records the dead letter of this exchange and audits it; see the class comment for what is kept. */
    public void take(Exchange exchange) {
        Message message = exchange.getMessage().getBody(Message.class);
        if (message == null) {
            throw new GatewayFault("route dead-letter-intake consumes gw.dlq with mapJmsMessage=false: the body must "
                    + "be the JMS message");
        }
        ReceivedBody body = bodies.read(exchange, maxBytes);
        DeadLetter letter;
        try {
            letter = DeadLetter.read(message, body);
        } catch (JMSException e) {
            throw new GatewayFault("could not read the dead letter's headers (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        DeadLetterOrigin origin = DeadLetterOrigin.of(letter.originalAddress(), letter.stamped(GatewayHeaders.AGENCY),
                letter.stamped(GatewayHeaders.RECIPIENT));
        String reference = ExchangeReferences.deadLetter(letter.identity());
        String exchangeId = exchangeId(letter, origin, reference);
        ReasonCode reason = reason(letter);
        String explanation = explanation(letter, origin, reason);

        Recording recording = Recording.of(reference, origin.direction(), exchangeId, ExchangeState.FAILED)
                .parties(origin.agency().orElse(null), origin.partner().orElse(null), origin.partner().orElse(null))
                .message(letter.gatewayMessageId().orElse(null), letter.jmsMessageId().orElse(null))
                .reason(reason.name(), explanation);
        letter.content().ifPresent(content -> recording.content(ContentKind.DEAD_LETTER, content.encode()));
        store.record(recording);
        trail.record(AuditEvent.of(Step.DEAD_LETTER_TAKEN, exchangeId).keyQualifier(reference)
                .time(clock.instant()).actor(ACTOR)
                .message(letter.gatewayMessageId().orElse(null), null, List.of())
                .parties(origin.agency().orElse(null), origin.partner().map(List::of).orElse(List.of()))
                .outcome(AuditOutcome.FAILED, reason, explanation)
                .payloadDigest("unread".equals(body.describedLength()) ? null : body.digest())
                .build());
        LOG.warn("Dead letter from {} taken into the exchange store as {} ({})",
                letter.originalAddress().orElse("no original address"), reference, reason);
        if (letter.content().isEmpty()) {
            throw new DeadLetterNotKeptException(reference, reason);
        }
    }

    /** The trail it joins: the gateway's exchange id where the message names or implies one, else its reference. */
    private static String exchangeId(DeadLetter letter, DeadLetterOrigin origin, String reference) {
        Optional<String> stamped = letter.stamped(GatewayHeaders.EXCHANGE_ID);
        if (stamped.isPresent()) {
            return stamped.get();
        }
        if (origin.direction() == Direction.OUTBOUND && origin.agency().isPresent()
                && letter.originalAddress().orElse("").endsWith(".out") && letter.jmsMessageId().isPresent()) {
            return OutboundMessage.exchangeIdOf(origin.agency().get(), letter.jmsMessageId().get());
        }
        return reference;
    }

    private ReasonCode reason(DeadLetter letter) {
        ReceivedBody body = letter.body();
        if (!body.isRead()) {
            return "unread".equals(body.describedLength()) ? ReasonCode.DEAD_LETTER_UNSUPPORTED_TYPE
                    : ReasonCode.DEAD_LETTER_TOO_LARGE;
        }
        return letter.originalAddress().isEmpty() ? ReasonCode.DEAD_LETTER_UNADDRESSED : ReasonCode.DEAD_LETTER;
    }

    private String explanation(DeadLetter letter, DeadLetterOrigin origin, ReasonCode reason) {
        String from = letter.originalAddress().map(address -> "from " + address + " (" + origin.describes()
                + letter.originalQueue().filter(queue -> !queue.equals(address)).map(queue -> ", queue " + queue)
                .orElse("") + ")").orElse("naming no original address");
        String parked = "The broker parked this message on gw.dlq " + from + " after its delivery attempts ("
                + "gateway.broker.max-delivery-attempts is " + brokerDeliveryAttempts + ") each failed; gw.dlq "
                + "delivered it " + letter.deliveryCount() + (letter.deliveryCount() == 1 ? " time" : " times")
                + ". ";
        return parked + switch (reason) {
            case DEAD_LETTER -> "Its content is kept sealed, to be resent to " + letter.originalAddress().orElseThrow()
                    + " with its properties, or discarded.";
            case DEAD_LETTER_UNADDRESSED -> "Its content is kept sealed, but it cannot be resent: nothing says "
                    + "where to. Discard it, or deal with it by hand.";
            case DEAD_LETTER_UNSUPPORTED_TYPE -> "It is " + article(letter.body().type()) + " " + letter.body().type()
                    + ", which the gateway does not read: its body is not kept here; the broker keeps the message, "
                    + "untouched, on " + UNKEPT_QUEUE + ".";
            default -> "Its body is " + letter.body().measured() + ", more than the " + maxBytes + " bytes the "
                    + "gateway takes in: it is not kept here; the broker keeps the message, untouched, on "
                    + UNKEPT_QUEUE + ".";
        };
    }

    private static String article(String type) {
        return "AEIOU".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
    }
}
