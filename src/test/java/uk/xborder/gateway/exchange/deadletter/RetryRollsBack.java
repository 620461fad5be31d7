package uk.xborder.gateway.exchange.deadletter;

import java.util.Map;
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

import uk.xborder.gateway.outbound.PendingDelivery;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * A partner's retry consumer that keeps failing on chosen messages, as a fault of the gateway's would make it: each
 * time one of them is taken off gw.retry.P (step {@code retry-take}), its transaction is marked rollback-only, so
 * the broker delivers it again and, after gateway.broker.max-delivery-attempts, parks it on gw.dlq. Counts every
 * take of every message. Bind it before start-up: Camel Main adds the interceptors it finds in the registry.
 */
final class RetryRollsBack implements InterceptStrategy {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> takes = new ConcurrentHashMap<>();

    void fail(String messageId) {
        failing.add(messageId);
    }

    void recover(String messageId) {
        failing.remove(messageId);
    }

    int takes(String messageId) {
        AtomicInteger count = takes.get(messageId);
        return count == null ? 0 : count.get();
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        if (!"retry-take".equals(definition.getId())) {
            return target;
        }
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                return super.process(exchange, doneSync -> {
                    PendingDelivery delivery = exchange.getProperty(ExchangeProperties.RETRY, PendingDelivery.class);
                    if (exchange.getException() == null && delivery != null) {
                        takes.computeIfAbsent(delivery.messageId(), id -> new AtomicInteger()).incrementAndGet();
                        if (failing.contains(delivery.messageId())) {
                            exchange.setRollbackOnly(true);
                        }
                    }
                    callback.done(doneSync);
                });
            }
        };
    }
}
