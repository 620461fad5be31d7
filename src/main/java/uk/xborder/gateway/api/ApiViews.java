package uk.xborder.gateway.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointCodec;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.EventField;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.merkle.MerkleHash;

/**
 * The JSON shapes of the API. Hashes are lower-case hex (compare with {@code sha256sum}); signatures are base64; times
 * are ISO-8601 instants. Every entry carries its leaf hash, so an auditor can check it against a proof.
 */
final class ApiViews {

    private static final HexFormat HEX = HexFormat.of();

    private ApiViews() {
    }

    /**
     * One entry: its place in the log, when it was recorded and its leaf hash, then every field of its event under
     * its canonical name, in canonical order ({@link EventField}).
     */
    static final class Entry {

        private Entry() {
        }

        static Map<String, Object> of(LogEntry entry) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("seq", entry.seq());
            view.put("recordedAt", entry.recordedAt().toString());
            view.put("leafHash", HEX.formatHex(MerkleHash.leaf(EntryCodec.canonical(entry))));
            for (EventField field : EventField.values()) {
                Object value = field.of(entry.event());
                view.put(field.canonicalName(), value instanceof Instant time ? time.toString() : value);
            }
            return view;
        }
    }

    record EntryPage(long total, int offset, int limit, List<Map<String, Object>> entries) {

        static EntryPage of(Page<LogEntry> page) {
            return new EntryPage(page.total(), page.offset(), page.limit(),
                    page.items().stream().map(Entry::of).toList());
        }
    }

    record Trail(String exchangeId, List<Map<String, Object>> entries) {
    }

    /**
     * A signed checkpoint. {@code signedText} is exactly what the audit key signed ({@link CheckpointCodec}), so the
     * signature can be checked with any tool, e.g. {@code openssl dgst -sha256 -verify}.
     */
    record SignedCheckpointView(long treeSize, String rootHash, String time, String keyId, String signature,
                                String signedText) {

        static SignedCheckpointView of(SignedCheckpoint signed) {
            Checkpoint c = signed.checkpoint();
            return new SignedCheckpointView(c.treeSize(), HEX.formatHex(c.rootHash()), CheckpointCodec.time(c),
                    c.keyId(), Base64.getEncoder().encodeToString(signed.signature()),
                    new String(CheckpointCodec.signedBytes(c), StandardCharsets.US_ASCII));
        }
    }

    record Checkpoints(List<SignedCheckpointView> checkpoints) {
    }

    /**
     * An RFC 9162 inclusion proof. {@code canonicalEntry} is the exact text whose leaf hash (SHA-256 of 0x00 and its
     * UTF-8 bytes) the proof starts from.
     */
    record Proof(long seq, long treeSize, String leafHash, List<String> path, Map<String, Object> entry,
                 String canonicalEntry,
                 SignedCheckpointView checkpoint) {

        static Proof of(LogEntry entry, InclusionProof proof, SignedCheckpoint checkpoint) {
            byte[] canonical = EntryCodec.canonical(entry);
            return new Proof(entry.seq(), proof.treeSize(), HEX.formatHex(MerkleHash.leaf(canonical)),
                    proof.path().stream().map(HEX::formatHex).toList(), Entry.of(entry),
                    new String(canonical, StandardCharsets.UTF_8), SignedCheckpointView.of(checkpoint));
        }
    }

    record Problem(String error, String message) {
    }
}
