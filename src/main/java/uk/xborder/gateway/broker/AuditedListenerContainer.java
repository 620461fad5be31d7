package uk.xborder.gateway.broker;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import org.apache.camel.component.jms.ConsumerType;
import org.apache.camel.component.jms.DefaultJmsMessageListenerContainer;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsEndpoint;

import uk.xborder.gateway.audit.AuditBatch;

/**
 * Camel's listener container for the gateway's own broker, with each message handled in an {@link AuditBatch}: the
 * audit events of its steps are written together and are durable before its local transaction commits. If they may
 * not be, the transaction rolls back instead, and the broker delivers the message again.
 */
public final class AuditedListenerContainer extends DefaultJmsMessageListenerContainer {

    private AuditedListenerContainer(JmsEndpoint endpoint) {
        super(endpoint);
    }

    /**
     * Makes every consumer of {@code jms} one of these. Only for the component of the gateway's own broker: what a
     * route sends through it commits with the message; a partner's broker is another transaction.
     */
    public static void install(JmsComponent jms) {
        jms.getConfiguration().setConsumerType(ConsumerType.Custom);
        jms.getConfiguration().setMessageListenerContainerFactory(AuditedListenerContainer::new);
    }

    @Override
    protected void doExecuteListener(Session session, Message message) throws JMSException {
        if (!session.getTransacted()) {
            // Acknowledged on receipt: no commit to hold the events back for, so each waits for its own write.
            super.doExecuteListener(session, message);
            return;
        }
        AuditBatch batch = AuditBatch.open();
        try {
            super.doExecuteListener(session, message);
        } finally {
            batch.close();
        }
    }

    @Override
    protected void commitIfNecessary(Session session, Message message) throws JMSException {
        try {
            AuditBatch.awaitRecorded();
        } catch (RuntimeException notRecorded) {
            // Nothing the message did may commit without its audit events; left open, the session's next commit
            // would take this message's work with it.
            rollbackOnExceptionIfNecessary(session, notRecorded);
            throw notRecorded;
        }
        super.commitIfNecessary(session, message);
    }
}
