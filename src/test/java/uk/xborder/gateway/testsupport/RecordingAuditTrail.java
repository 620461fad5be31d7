package uk.xborder.gateway.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.JsonLogAuditTrail;

/** Keeps every audit event in memory for assertions, and writes it to the real structured log as well. */
public final class RecordingAuditTrail implements AuditTrail {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private final AuditTrail log = new JsonLogAuditTrail();

    @Override
    public void record(AuditEvent event) {
        log.record(event);
        events.add(event);
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public List<AuditEvent> forExchange(String exchangeId) {
        return events.stream().filter(e -> e.exchangeId().equals(exchangeId)).collect(Collectors.toList());
    }

    public List<String> stepsOf(String exchangeId) {
        return forExchange(exchangeId).stream().map(AuditEvent::step).collect(Collectors.toList());
    }
}
