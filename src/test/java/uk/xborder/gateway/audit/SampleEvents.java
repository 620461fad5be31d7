package uk.xborder.gateway.audit;

import java.time.Instant;
import java.util.List;

import uk.xborder.gateway.pipeline.ReasonCode;

/** Plausible audit events for tests: metadata only, as real ones are. */
public final class SampleEvents {

    public static final Instant START = Instant.parse("2026-01-05T09:00:00.000001Z");

    private SampleEvents() {
    }

    /** The {@code i}-th event: exchanges of four steps each, alternating senders and recipients. */
    public static AuditEvent event(int i) {
        int exchange = i / 4;
        String[] steps = {"RECEIVED", "SCHEMA_VALID", "SIGNED", "DELIVERED"};
        boolean rejected = exchange % 7 == 3 && i % 4 == 1;
        return new AuditEvent("ex-" + exchange + "/" + steps[i % 4], START.plusSeconds(i), "ex-" + exchange,
                "msg-" + exchange, null, List.of("CASE-" + (exchange % 5)), steps[i % 4],
                i % 4 == 3 ? "DISCLOSURE" : "COLLECTION",
                rejected ? "REJECTED" : "SUCCESS",
                rejected ? "SCHEMA_INVALID" : null,
                rejected ? "element 'x' is not allowed here" : null, "gateway",
                exchange % 2 == 0 ? "police-scotland" : "nca", List.of(exchange % 3 == 0 ? "europol" : "spoc-ie"),
                "UK_GSC OFFICIAL-SENSITIVE", "UK_3X5X2 P", "Law Enforcement Directive Art. 35",
                "investigation of serious crime", "ab".repeat(32));
    }

    /** Event {@code i} with its explanation changed: what a forger would write instead. */
    public static AuditEvent forged(int i) {
        AuditEvent e = event(i);
        return new AuditEvent(e.eventKey(), e.time(), e.exchangeId(), e.messageId(), e.correlationId(),
                e.caseReferences(), e.step(), e.operation(), e.outcome(), e.reason(), "nothing to see here",
                e.actor(), e.sender(), List.of("someone-else"), e.marking(), e.handling(), e.legalBasis(),
                e.justification(), e.payloadDigest());
    }
}
