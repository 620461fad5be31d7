package uk.xborder.gateway.exchange.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * Replays a dead letter: sends its content back to the address it came from, as it was (a text or bytes message,
 * its JMS properties, correlation id and type), in a JMS transaction of its own on the gateway's broker connection,
 * where the consumer that gave up on it takes it again as a fresh message (a new JMS message id, the delivery count
 * starting again, no scheduled delay).
 *
 * <p>Its Artemis duplicate-detection id is derived from the exchange reference: a new one, since the original's is
 * in the broker's duplicate cache for that address and the resend would be dropped as a repeat of it; and the same
 * one on every resend of the same exchange, so that a resend repeated after a crash (sent, but the exchange not yet
 * moved to REPLAYED) is dropped by the broker rather than delivered twice. What the message carries for the partner
 * or agency (its message id, the envelope's own duplicate id in the gateway's headers) is unchanged, so a receiver
 * that already has it answers as for any repeat.
 *
 * <p>Decision: a dead letter from an agency's outbound queue (gw.agency.A.out) is not resent. The outbound pipeline
 * takes as sender the user the broker validated, and refuses a message that the agency's own broker user did not
 * put there (SENDER_NOT_AUTHENTICATED); the gateway resending it would arrive as the gateway's user and be refused,
 * and letting the gateway vouch for an agency would weaken exactly that check. The agency sends it again (the
 * operator discards the dead letter, saying so), or an operator with the agency's credentials puts it back.
 */
public final class DeadLetterResend {

    /** The duplicate-detection property Artemis reads. */
    static final String DUPLICATE_ID = GatewayHeaders.ARTEMIS_DUPLICATE_ID;
    private static final Pattern AGENCY_OUTBOUND = Pattern.compile("gw\\.agency\\.[^.]+\\.out");

    private final ConnectionFactory connections;

    /** @param connections the gateway's own connection to its broker (logged in as the gateway) */
    public DeadLetterResend(ConnectionFactory connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * Sends the dead letter back to its original address and commits.
     *
     * @return the JMS message id of the message sent
     * @throws ResendRefusedException when it cannot be resent: not a dead letter, no original address, or an
     *                                agency's outbound queue
     * @throws IllegalStateException  when the broker did not take it (nothing was sent: try again)
     */
    public String resend(StoredExchange exchange, OpenedContent content) {
        if (content.kind() != ContentKind.DEAD_LETTER || !content.reference().equals(exchange.reference())) {
            throw new ResendRefusedException(exchange.reference(), "its content is " + content.kind()
                    + ", not a dead letter of this exchange");
        }
        DeadLetterContent letter;
        try {
            letter = DeadLetterContent.decode(content.bytes());
        } catch (IllegalArgumentException e) {
            throw new ResendRefusedException(exchange.reference(), "its stored content cannot be read: "
                    + e.getMessage());
        }
        String address = letter.originalAddress().orElseThrow(() -> new ResendRefusedException(
                exchange.reference(), "it names no original address to send it back to"));
        if (AGENCY_OUTBOUND.matcher(address).matches()) {
            throw new ResendRefusedException(exchange.reference(), "it came from " + address + ", where only the "
                    + "agency's own broker user may put a message (the gateway's user would be refused as "
                    + "SENDER_NOT_AUTHENTICATED): the agency must send it again");
        }
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(address));
            Message message = message(session, letter, exchange.reference());
            producer.send(message);
            session.commit();
            return message.getJMSMessageID();
        } catch (JMSException e) {
            throw new IllegalStateException("dead letter " + exchange.reference() + " could not be resent to "
                    + address + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private Message message(Session session, DeadLetterContent letter, String reference) throws JMSException {
        Message message;
        if (letter.text()) {
            message = session.createTextMessage(new String(letter.body(), StandardCharsets.UTF_8));
        } else {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(letter.body());
            message = bytes;
        }
        for (Map.Entry<String, Object> property : letter.properties().entrySet()) {
            if (GatewayHeaders.REPLAY_OF.equals(property.getKey())) {
                // A replay claim is the gateway's to make, by the operator's replay that makes it, and the gateway's
                // user is about to send this: carried over, a claim whoever first sent the letter wrote would
                // arrive as the gateway's own. Without it the letter is taken as any fresh message.
                continue;
            }
            message.setObjectProperty(property.getKey(), property.getValue());
        }
        if (letter.correlationId().isPresent()) {
            message.setJMSCorrelationID(letter.correlationId().get());
        }
        if (letter.jmsType().isPresent()) {
            message.setJMSType(letter.jmsType().get());
        }
        message.setStringProperty(DUPLICATE_ID, "dead-letter-resend|" + reference);
        return message;
    }
}
