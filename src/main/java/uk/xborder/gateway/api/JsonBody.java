package uk.xborder.gateway.api;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

/**
 * What an operation that takes a JSON body (a POST) expects of it, and the strict reading of it: the
 * {@code Content-Type} must be JSON (else 415), the body there (else 400), no larger than the operation takes (else
 * 413, before it is parsed), and one JSON object with no repeated field and nothing after it (else 400). Each refusal
 * is an {@link ApiProblem} whose sentence names what is wrong and never repeats what was sent. The HTTP server refuses
 * any body beyond {@code camel.server.maxBodySize} before the API sees it; this is each operation's own, smaller bound.
 *
 * @param what      what the body is, as the sentences name it, e.g. "the export query"
 * @param whenEmpty what to send for the simplest request, said when the body is missing (null: nothing)
 * @param shape     what the object holds, e.g. "of criteria"
 * @param maxBytes  the largest body taken
 */
public record JsonBody(String what, String whenEmpty, String shape, int maxBytes) {

    /** A body of a few fields is a few hundred bytes; anything much larger is not one. */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024;

    private static final Pattern JSON_MEDIA_TYPE = Pattern.compile("application/json\\s*(;.*)?");
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public JsonBody {
        if (what == null || what.isBlank() || shape == null || maxBytes < 1) {
            throw new IllegalArgumentException("a JSON body needs a name, a shape and a positive size limit");
        }
    }

    /** The admitted request's body as a JSON object, or an {@link ApiProblem} (415, 400 or 413). */
    public ObjectNode read(Exchange exchange) {
        return read(ApiRequest.require(exchange).http().contentType(), exchange.getMessage().getBody(byte[].class));
    }

    /** A body sent with this {@code Content-Type} (null: none) as a JSON object, or an {@link ApiProblem}. */
    ObjectNode read(String contentType, byte[] body) {
        if (contentType == null || !JSON_MEDIA_TYPE.matcher(contentType.strip().toLowerCase(Locale.ROOT)).matches()) {
            throw ApiProblem.unsupportedMediaType("Send " + what + " as JSON (Content-Type: application/json).");
        }
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("MISSING_BODY", "Send " + what + " as a JSON object"
                    + (whenEmpty == null ? "" : "; " + whenEmpty) + ".");
        }
        if (body.length > maxBytes) {
            throw ApiProblem.tooLarge(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " is larger than "
                    + maxBytes + " bytes.");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (IOException e) {
            throw ApiProblem.badRequest("MALFORMED_JSON", "The body is not one well-formed JSON object "
                    + "(or repeats a field).");
        }
        if (!(root instanceof ObjectNode object)) {
            throw ApiProblem.badRequest("MALFORMED_JSON", "The body must be a JSON object " + shape + ".");
        }
        return object;
    }
}
