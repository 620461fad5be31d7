package uk.xborder.gateway.audit.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointCodec;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.verify.FailureCode;
import uk.xborder.gateway.crypto.Certificates;

/**
 * The JSON form of an {@link EvidenceBundle} (UTF-8, documented field by field in {@code docs/audit-evidence.md}),
 * and its strict parser: a bundle is read completely or refused with a {@link BundleVerificationException} that
 * says what is wrong and where — truncated, not JSON, a duplicate, missing or unknown field, a wrong type, a value
 * out of range. Hashes and signatures are base64 (RFC 4648 section 4, with padding), certificates PEM, times
 * ISO-8601 UTC.
 */
public final class EvidenceBundleCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private EvidenceBundleCodec() {
    }

    public static byte[] toJson(EvidenceBundle bundle) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", EvidenceBundle.FORMAT);
        root.put("version", EvidenceBundle.VERSION);
        root.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(bundle.createdAt()));
        ObjectNode selection = root.putObject("selection");
        selection.put("description", bundle.selection().description());
        if (bundle.selection().isRange()) {
            selection.put("fromSeq", bundle.selection().fromSeq());
            selection.put("toSeq", bundle.selection().toSeq());
        } else {
            selection.putNull("fromSeq");
            selection.putNull("toSeq");
        }
        root.put("merkleHash", EvidenceBundle.MERKLE_HASH);
        ArrayNode chain = root.putArray("auditCertificateChain");
        for (X509Certificate certificate : bundle.auditCertificateChain()) {
            try {
                chain.add(Certificates.toPem(certificate));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("an audit certificate could not be encoded", e);
            }
        }
        ArrayNode checkpoints = root.putArray("checkpoints");
        for (SignedCheckpoint signed : bundle.checkpoints()) {
            Checkpoint c = signed.checkpoint();
            ObjectNode node = checkpoints.addObject();
            node.put("treeSize", c.treeSize());
            node.put("rootHash", base64(c.rootHash()));
            node.put("time", CheckpointCodec.time(c));
            node.put("keyId", c.keyId());
            node.put("signature", base64(signed.signature()));
        }
        ArrayNode consistency = root.putArray("consistencyProofs");
        for (ConsistencyProof proof : bundle.consistencyProofs()) {
            ObjectNode node = consistency.addObject();
            node.put("fromSize", proof.fromSize());
            node.put("toSize", proof.toSize());
            putPath(node, proof.path());
        }
        ArrayNode entries = root.putArray("entries");
        for (EvidenceBundle.Entry entry : bundle.entries()) {
            ObjectNode node = entries.addObject();
            node.put("seq", entry.seq());
            node.put("canonical", base64(entry.canonical()));
            ObjectNode inclusion = node.putObject("inclusionProof");
            inclusion.put("treeSize", entry.inclusionProof().treeSize());
            putPath(inclusion, entry.inclusionProof().path());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a bundle, refusing anything but exactly this format.
     *
     * @throws BundleVerificationException {@link FailureCode#MALFORMED_BUNDLE}, or
     *     {@link FailureCode#UNSUPPORTED_BUNDLE_VERSION} for another format or version
     */
    public static EvidenceBundle parse(byte[] bytes) throws BundleVerificationException {
        JsonNode root = readTree(bytes);
        if (root == null || root.isMissingNode()) {
            throw StrictJson.malformed("it is empty");
        }
        if (!root.isObject()) {
            throw StrictJson.malformed("it must be a JSON object");
        }
        // Format and version first, so that a future version is reported as such rather than as malformed.
        JsonNode format = root.get("format");
        JsonNode version = root.get("version");
        if (format == null || !format.isTextual() || !EvidenceBundle.FORMAT.equals(format.textValue())) {
            throw new BundleVerificationException(FailureCode.UNSUPPORTED_BUNDLE_VERSION,
                    "This is not an xborder gateway evidence bundle: its 'format' is not '" + EvidenceBundle.FORMAT
                            + "'");
        }
        if (version == null || !version.isIntegralNumber() || version.longValue() != EvidenceBundle.VERSION) {
            throw new BundleVerificationException(FailureCode.UNSUPPORTED_BUNDLE_VERSION,
                    "This verifier reads evidence bundles of version " + EvidenceBundle.VERSION + " only");
        }
        StrictJson bundle = StrictJson.object(root, "bundle", "format", "version", "createdAt", "selection",
                "merkleHash", "auditCertificateChain", "checkpoints", "consistencyProofs", "entries");
        if (!EvidenceBundle.MERKLE_HASH.equals(bundle.text("merkleHash"))) {
            throw new BundleVerificationException(FailureCode.UNSUPPORTED_BUNDLE_VERSION,
                    "This verifier knows Merkle hashing " + EvidenceBundle.MERKLE_HASH + " only");
        }
        return new EvidenceBundle(instant(bundle, "createdAt"), selection(bundle), certificates(bundle),
                checkpoints(bundle), consistencyProofs(bundle), entries(bundle));
    }

    private static JsonNode readTree(byte[] bytes) throws BundleVerificationException {
        try {
            return JSON.readTree(bytes);
        } catch (JsonEOFException e) {
            throw StrictJson.malformed("it is truncated: the JSON ends at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " before it is complete");
        } catch (StreamReadException e) {
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw StrictJson.malformed("it is not valid JSON" + at);
        } catch (IOException e) {
            throw StrictJson.malformed("it is not valid JSON");
        }
    }

    private static EvidenceBundle.Selection selection(StrictJson bundle) throws BundleVerificationException {
        StrictJson selection = bundle.object("selection", "description", "fromSeq", "toSeq");
        String description = selection.text("description");
        Long fromSeq = selection.optionalInteger("fromSeq");
        Long toSeq = selection.optionalInteger("toSeq");
        try {
            return new EvidenceBundle.Selection(description, fromSeq, toSeq);
        } catch (IllegalArgumentException e) {
            throw StrictJson.malformed("bundle.selection: " + e.getMessage());
        }
    }

    private static List<X509Certificate> certificates(StrictJson bundle) throws BundleVerificationException {
        List<JsonNode> pems = bundle.array("auditCertificateChain");
        if (pems.isEmpty()) {
            throw StrictJson.malformed("bundle.auditCertificateChain is empty; it must hold the audit certificate");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < pems.size(); i++) {
            String where = "bundle.auditCertificateChain[" + i + "]";
            if (!pems.get(i).isTextual()) {
                throw StrictJson.malformed(where + " must be a PEM string");
            }
            try {
                List<X509Certificate> parsed = Certificates.parseCertificates(pems.get(i).textValue());
                if (parsed.size() != 1) {
                    throw StrictJson.malformed(where + " holds " + parsed.size() + " certificates, not one");
                }
                chain.add(parsed.get(0));
            } catch (CertificateException e) {
                throw StrictJson.malformed(where + " is not a PEM certificate");
            }
        }
        return chain;
    }

    private static List<SignedCheckpoint> checkpoints(StrictJson bundle) throws BundleVerificationException {
        List<JsonNode> nodes = bundle.array("checkpoints");
        if (nodes.isEmpty()) {
            throw StrictJson.malformed("bundle.checkpoints is empty; evidence needs at least one signed checkpoint");
        }
        List<SignedCheckpoint> checkpoints = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String where = "bundle.checkpoints[" + i + "]";
            StrictJson c = StrictJson.object(nodes.get(i), where, "treeSize", "rootHash", "time", "keyId",
                    "signature");
            long treeSize = c.nonNegative("treeSize");
            byte[] root = c.base64("rootHash");
            Instant time = instant(c, "time");
            String keyId = c.text("keyId");
            byte[] signature = c.base64("signature");
            Checkpoint checkpoint;
            try {
                checkpoint = new Checkpoint(treeSize, root, time, keyId);
            } catch (IllegalArgumentException e) {
                throw StrictJson.malformed(where + ": " + e.getMessage());
            }
            // The time is signed as text: it must already be in the one form the signer writes.
            if (!CheckpointCodec.time(checkpoint).equals(c.text("time"))) {
                throw StrictJson.malformed(where + ".time is not in the signed form (ISO-8601 UTC, at most"
                        + " microseconds, no trailing zeros)");
            }
            checkpoints.add(new SignedCheckpoint(checkpoint, signature));
        }
        return checkpoints;
    }

    private static List<ConsistencyProof> consistencyProofs(StrictJson bundle) throws BundleVerificationException {
        List<JsonNode> nodes = bundle.array("consistencyProofs");
        List<ConsistencyProof> proofs = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            StrictJson p = StrictJson.object(nodes.get(i), "bundle.consistencyProofs[" + i + "]", "fromSize",
                    "toSize", "path");
            proofs.add(new ConsistencyProof(p.nonNegative("fromSize"), p.nonNegative("toSize"),
                    p.base64Array("path")));
        }
        return proofs;
    }

    private static List<EvidenceBundle.Entry> entries(StrictJson bundle) throws BundleVerificationException {
        List<JsonNode> nodes = bundle.array("entries");
        List<EvidenceBundle.Entry> entries = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String where = "bundle.entries[" + i + "]";
            StrictJson e = StrictJson.object(nodes.get(i), where, "seq", "canonical", "inclusionProof");
            long seq = e.nonNegative("seq");
            byte[] canonical = e.base64("canonical");
            StrictJson proof = e.object("inclusionProof", "treeSize", "path");
            entries.add(new EvidenceBundle.Entry(seq, canonical,
                    new InclusionProof(seq, proof.nonNegative("treeSize"), proof.base64Array("path"))));
        }
        return entries;
    }

    private static Instant instant(StrictJson object, String field) throws BundleVerificationException {
        String text = object.text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw StrictJson.malformed(object.path(field) + " is not an ISO-8601 UTC time");
        }
    }

    private static void putPath(ObjectNode node, List<byte[]> path) {
        ArrayNode array = node.putArray("path");
        for (byte[] hash : path) {
            array.add(base64(hash));
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
