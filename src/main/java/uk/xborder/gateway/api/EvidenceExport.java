package uk.xborder.gateway.api;

import uk.xborder.gateway.audit.log.AuditQuery;

/**
 * Makes an evidence bundle of the entries a query selects, which an auditor can verify offline. Supplied by the
 * wiring (the evidence exporter of {@code audit.evidence}); the API does not depend on the bundle's format.
 */
@FunctionalInterface
public interface EvidenceExport {

    EvidenceBundle export(AuditQuery query);
}
