package uk.xborder.gateway.api;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.log.AuditQuery;

/**
 * Makes an evidence bundle of every entry a query selects (its offset and limit do not apply), which an auditor can
 * verify offline. The API depends on this interface, not on the bundle's format; {@link #of} adapts the gateway's
 * {@link EvidenceExporter}.
 */
@FunctionalInterface
public interface EvidenceExport {

    ExportedBundle export(AuditQuery query);

    /**
     * The gateway's JSON evidence bundles, named {@code evidence-<UTC time>.json}. A selection larger than one bundle
     * may hold is answered with {@code 400 EXPORT_TOO_LARGE}.
     */
    static EvidenceExport of(EvidenceExporter exporter, Clock clock) {
        DateTimeFormatter name = DateTimeFormatter.ofPattern("'evidence-'yyyyMMdd'T'HHmmss'Z.json'")
                .withZone(ZoneOffset.UTC);
        return query -> {
            byte[] bundle;
            try {
                bundle = exporter.export(query);
            } catch (IllegalArgumentException tooMany) {
                // the only refusal EvidenceExporter.export documents: more than MAX_ENTRIES entries match
                throw ApiProblem.badRequest("EXPORT_TOO_LARGE", "More than " + EvidenceExporter.MAX_ENTRIES
                        + " entries match; narrow the criteria (for example with 'from' and 'to') and export in "
                        + "parts.");
            }
            return new ExportedBundle("application/json", name.format(clock.instant()), bundle);
        };
    }
}
