package uk.xborder.gateway.audit.log;

import java.util.Objects;

/**
 * An entry as the store holds it, with the leaf hash stored beside it when it was appended: what a verifier reads, so
 * that it can recompute the one and compare it with the other.
 *
 * @param entry    the entry, read from its stored fields
 * @param leafHash the hash stored with it, as stored (never recomputed); null when the store has none
 */
public record StoredEntry(LogEntry entry, byte[] leafHash) {

    public StoredEntry {
        Objects.requireNonNull(entry, "entry");
    }
}
