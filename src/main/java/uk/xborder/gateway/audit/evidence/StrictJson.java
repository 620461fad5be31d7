package uk.xborder.gateway.audit.evidence;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import uk.xborder.gateway.audit.verify.FailureCode;

/**
 * Reads a JSON object field by field and refuses anything that is not exactly the expected shape: a missing or
 * unknown field, a wrong type, a fraction where an integer belongs, non-canonical base64. Every refusal is a
 * {@link FailureCode#MALFORMED_BUNDLE} naming where in the bundle it is ({@code checkpoints[3].rootHash}), never
 * echoing the value.
 */
final class StrictJson {

    private final JsonNode node;
    private final String where;

    private StrictJson(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** The object at {@code where}, which must have exactly {@code fields}. */
    static StrictJson object(JsonNode node, String where, String... fields) throws BundleVerificationException {
        if (node == null || !node.isObject()) {
            throw malformed(where + " must be a JSON object");
        }
        Set<String> expected = new TreeSet<>(List.of(fields));
        Set<String> present = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            present.add(names.next());
        }
        for (String field : expected) {
            if (!present.contains(field)) {
                throw malformed(where + " has no field '" + field + "'");
            }
        }
        for (String field : present) {
            if (!expected.contains(field)) {
                throw malformed(where + " has a field '" + abbreviated(field) + "' that this format does not have");
            }
        }
        return new StrictJson(node, where);
    }

    /** The object in {@code field}, which must have exactly {@code fields}. */
    StrictJson object(String field, String... fields) throws BundleVerificationException {
        return object(node.get(field), path(field), fields);
    }

    String text(String field) throws BundleVerificationException {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw malformed(path(field) + " must be a string");
        }
        return value.textValue();
    }

    /** A string or null. */
    String optionalText(String field) throws BundleVerificationException {
        return node.get(field).isNull() ? null : text(field);
    }

    long integer(String field) throws BundleVerificationException {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw malformed(path(field) + " must be a whole number");
        }
        return value.longValue();
    }

    /** A whole number or null. */
    Long optionalInteger(String field) throws BundleVerificationException {
        return node.get(field).isNull() ? null : integer(field);
    }

    long nonNegative(String field) throws BundleVerificationException {
        long value = integer(field);
        if (value < 0) {
            throw malformed(path(field) + " cannot be negative");
        }
        return value;
    }

    byte[] base64(String field) throws BundleVerificationException {
        return decodeBase64(node.get(field), path(field));
    }

    /** The elements of an array field. */
    List<JsonNode> array(String field) throws BundleVerificationException {
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw malformed(path(field) + " must be an array");
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /** An array of base64 strings. */
    List<byte[]> base64Array(String field) throws BundleVerificationException {
        List<JsonNode> elements = array(field);
        List<byte[]> decoded = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            decoded.add(decodeBase64(elements.get(i), path(field) + "[" + i + "]"));
        }
        return decoded;
    }

    String path(String field) {
        return where + "." + field;
    }

    static byte[] decodeBase64(JsonNode value, String where) throws BundleVerificationException {
        if (value == null || !value.isTextual()) {
            throw malformed(where + " must be a base64 string");
        }
        String text = value.textValue();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed(where + " is not valid base64");
        }
        // One encoding per value: no missing padding, no stray bits, no line breaks.
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw malformed(where + " is not canonical base64 (RFC 4648 section 4, with padding)");
        }
        return bytes;
    }

    static BundleVerificationException malformed(String sentence) {
        return new BundleVerificationException(FailureCode.MALFORMED_BUNDLE, "The bundle is malformed: " + sentence);
    }

    private static String abbreviated(String text) {
        String printable = text.replaceAll("[^A-Za-z0-9_.-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
