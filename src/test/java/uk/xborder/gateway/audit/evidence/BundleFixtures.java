package uk.xborder.gateway.audit.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Makes a bad bundle from a good one by editing its JSON, as someone holding the file could. */
final class BundleFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleFixtures() {
    }

    static byte[] edit(byte[] bundle, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(bundle);
            change.accept(root);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode entry(ObjectNode root, int index) {
        return (ObjectNode) root.withArray("entries").get(index);
    }

    static ObjectNode checkpoint(ObjectNode root, int index) {
        return (ObjectNode) root.withArray("checkpoints").get(index);
    }

    static ArrayNode checkpoints(ObjectNode root) {
        return root.withArray("checkpoints");
    }

    static byte[] b64(String text) {
        return Base64.getDecoder().decode(text);
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
