package uk.xborder.gateway.api;

/**
 * Verifies the live log now (every entry against its hashes, every checkpoint signature, consistency between
 * checkpoints) and reports the result. Supplied by the wiring (the live verifier of {@code audit.verify}). The report is
 * sent to the auditor as JSON, so it is an object Jackson can write (a record, a map, a list).
 */
@FunctionalInterface
public interface LiveVerification {

    Object verify();
}
