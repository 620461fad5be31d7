package uk.xborder.gateway.testsupport;

import java.util.List;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.LogEntry;

/** What the gateway's durable audit log holds about an exchange, read back from the store for assertions. */
public final class AuditTrailView {

    private final AuditLog log;

    AuditTrailView(AuditLog log) {
        this.log = log;
    }

    public List<AuditEvent> forExchange(String exchangeId) {
        return log.trail(exchangeId).stream().map(LogEntry::event).toList();
    }

    public List<String> stepsOf(String exchangeId) {
        return forExchange(exchangeId).stream().map(AuditEvent::step).toList();
    }

    public AuditLog log() {
        return log;
    }
}
