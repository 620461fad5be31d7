package uk.xborder.gateway.exchange.deadletter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.activemq.artemis.jms.client.ActiveMQMessage;

import uk.xborder.gateway.broker.ReceivedBody;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * One message taken off gw.dlq, as the intake sees it: the ids it is known by, where the broker says it came from,
 * how often gw.dlq has delivered it, the properties it must go back with, and its body as read once by
 * {@code broker.ReceivedBodies} (text or bytes within the limit; otherwise measured or not read at all).
 *
 * @param identity        what identifies this dead letter across redeliveries from gw.dlq: its JMS message id (the
 *                        broker keeps it when it moves a message there), else the broker's own ids
 * @param originalAddress {@value #ORIGINAL_ADDRESS}; {@code originalQueue} {@value #ORIGINAL_QUEUE}
 */
record DeadLetter(String identity, Optional<String> jmsMessageId, Optional<String> originalAddress,
                  Optional<String> originalQueue, int deliveryCount, Optional<String> correlationId,
                  Optional<String> jmsType, Map<String, Object> properties, ReceivedBody body) {

    /** Where a dead letter was addressed before the broker moved it (set by Artemis). */
    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    static final String ORIGINAL_MESSAGE_ID = "_AMQ_ORIG_MESSAGE_ID";
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    /** Properties the broker sets, never resent as they were: Artemis's own and the JMS-defined JMSX ones. */
    private static final String BROKER_PREFIX = "_AMQ_";
    private static final String JMSX_PREFIX = "JMSX";

    static DeadLetter read(Message message, ReceivedBody body) throws JMSException {
        Optional<String> jmsId = Optional.ofNullable(message.getJMSMessageID());
        Optional<String> address = text(message, ORIGINAL_ADDRESS);
        String identity = jmsId.isPresent() ? jmsId.get() : brokerIdentity(message, address);
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Enumeration<?> all = message.getPropertyNames(); all.hasMoreElements(); ) {
            names.add(String.valueOf(all.nextElement()));
        }
        Collections.sort(names);
        for (String name : names) {
            if (!name.startsWith(BROKER_PREFIX) && !name.startsWith(JMSX_PREFIX)) {
                Object value = message.getObjectProperty(name);
                if (value != null) {
                    properties.put(name, value);
                }
            }
        }
        return new DeadLetter(identity, jmsId, address, text(message, ORIGINAL_QUEUE),
                message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : 1,
                Optional.ofNullable(message.getJMSCorrelationID()), Optional.ofNullable(message.getJMSType()),
                properties, body);
    }

    /** A message without a JMS id: the broker's id of the original, else of this copy on gw.dlq. */
    private static String brokerIdentity(Message message, Optional<String> address) throws JMSException {
        Optional<String> original = text(message, ORIGINAL_MESSAGE_ID);
        if (original.isPresent()) {
            return "core:" + original.get() + "@" + address.orElse("");
        }
        if (message instanceof ActiveMQMessage artemis) {
            return "core:" + artemis.getCoreMessage().getMessageID() + "@gw.dlq";
        }
        throw new IllegalStateException("a dead letter with neither a JMS message id nor a broker id");
    }

    private static Optional<String> text(Message message, String property) throws JMSException {
        Object value = message.getObjectProperty(property);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    Optional<String> stamped(String property) {
        Object value = properties.get(property);
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    Optional<String> gatewayMessageId() {
        return stamped(GatewayHeaders.MESSAGE_ID);
    }

    /** What the store keeps to resend it: only for a body that was read (text or bytes, within the limit). */
    Optional<DeadLetterContent> content() {
        return body.replayable().map(bytes -> new DeadLetterContent(originalAddress, "TextMessage".equals(
                body.type()), correlationId, jmsType, properties, bytes));
    }
}
