package uk.xborder.gateway.audit.store;

/**
 * Whether this node may sign checkpoints and give proofs: only if, when it started, the stored leaf hashes rebuilt
 * the root of the latest signed checkpoint. Otherwise the gateway's key would be signing (and its proofs vouching
 * for) a log it cannot reconcile with what it signed before: it would launder the damage. Recording goes on
 * regardless, so the gateway keeps working and every step stays audited; an operator resolves the damage, located
 * with the log verifier, and restarts the node.
 */
final class IntegrityGuard {

    private volatile String failure;

    void failed(String reason) {
        failure = reason;
    }

    boolean ok() {
        return failure == null;
    }

    /** @throws AuditStoreException if the start-up check failed */
    void requireOk(String what) {
        String reason = failure;
        if (reason != null) {
            throw new AuditStoreException("no " + what + ": the audit log failed its integrity check at start-up ("
                    + reason + ")");
        }
    }
}
