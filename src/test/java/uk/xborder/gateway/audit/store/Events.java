package uk.xborder.gateway.audit.store;

import java.time.Instant;
import java.util.List;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.pipeline.ReasonCode;

/** Audit events for store tests. Times carry nanoseconds on purpose: the store must keep exactly the microseconds. */
final class Events {

    static final Instant T0 = Instant.parse("2026-11-25T10:15:30.123456789Z");

    private Events() {
    }

    /** A fully populated event with a unique key. */
    static AuditEvent event(String key) {
        return new AuditEvent(key, T0, "ex-" + key, "msg-" + key, "corr-" + key, List.of("CASE-1", "CASE-2"),
                "RECEIVED", "COLLECTION", "SUCCESS", null, "Received from the agency",
                "gateway/outbound", "police-scotland", List.of("europol", "nca"), "UK_GSC OFFICIAL-SENSITIVE",
                "UK_3X5X2 P", "DPA 2018 s.35", "Prevention of serious crime",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    /** An event with every optional field absent and empty lists. */
    static AuditEvent sparse(String key) {
        return new AuditEvent(key, T0.plusNanos(999), "ex-" + key, null, null, List.of(), "WELL_FORMED",
                "CONSULTATION", "REJECTED", "MALFORMED_XML", null, "gateway/outbound",
                null, List.of(), null, null, null, null, null);
    }

    /** A builder-ish copy with the searched fields set. */
    static AuditEvent with(String key, Instant time, String exchangeId, String messageId, List<String> cases,
                           AuditOperation operation, AuditOutcome outcome, String sender, List<String> recipients,
                           String marking) {
        return new AuditEvent(key, time, exchangeId, messageId, null, cases, "STEP", operation.name(),
                outcome.name(), outcome == AuditOutcome.SUCCESS ? null : "SCHEMA_INVALID", "why", "gateway/outbound",
                sender, recipients, marking, "UK_3X5X2 P", null, null, null);
    }
}
