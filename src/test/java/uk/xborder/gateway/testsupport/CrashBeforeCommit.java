package uk.xborder.gateway.testsupport;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

import uk.xborder.gateway.outbound.OutboundMessage;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * A crash between the deliveries of an agency's message and the commit of its queue's transaction, without killing
 * the JVM: the first time a chosen message reaches the last step of its outbound route ({@code remember-accepted}),
 * its exchange is marked rollback-only, so the transaction rolls back as if the gateway had died there, and the
 * broker delivers the message again. It also counts how often each message was handed to each recipient's endpoint.
 *
 * <p>Bind it before start-up ({@code RunningGateway.start(settings, Map.of("crash", crash))}): Camel Main adds the
 * interceptors it finds in the registry.
 */
public final class CrashBeforeCommit implements InterceptStrategy {

    private final Set<String> crashOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> handovers = new ConcurrentHashMap<>();
    private final AtomicInteger crashes = new AtomicInteger();

    /** The message with this id crashes the first time it is about to commit. */
    public void once(String messageId) {
        crashOnce.add(messageId);
    }

    /** How many crashes there have been. */
    public int crashes() {
        return crashes.get();
    }

    /** How many times the message was handed to the recipient's endpoint (whatever the endpoint then did). */
    public int handovers(String messageId, String recipient) {
        AtomicInteger count = handovers.get(messageId + "|" + recipient);
        return count == null ? 0 : count.get();
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        String id = definition.getId();
        if (id == null) {
            return target;
        }
        if (id.endsWith("remember-accepted")) {
            return new DelegateAsyncProcessor(target) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    if (messageId(exchange).filter(crashOnce::remove).isPresent()) {
                        crashes.incrementAndGet();
                        exchange.setRollbackOnly(true);
                        callback.done(true);
                        return true;
                    }
                    return super.process(exchange, callback);
                }
            };
        }
        if (id.equals("hand-over-deliver")) {
            return new DelegateAsyncProcessor(target) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    String recipient = exchange.getProperty(ExchangeProperties.RECIPIENT, String.class);
                    messageId(exchange).ifPresent(messageId -> handovers
                            .computeIfAbsent(messageId + "|" + recipient, key -> new AtomicInteger())
                            .incrementAndGet());
                    return super.process(exchange, callback);
                }
            };
        }
        return target;
    }

    private static Optional<String> messageId(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        return message == null ? Optional.empty() : message.messageId();
    }
}
