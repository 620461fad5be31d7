package uk.xborder.gateway.api;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * Completes the OpenAPI document that camel-openapi-java makes from the REST definitions with what the gate does for
 * every operation, written here once rather than on every verb: the {@value Justification#HEADER} header, the
 * problem answers (400, 401, 403, 429, 500, 503; 413 and 415 where a body is taken) and their JSON shape, and that a
 * body is one JSON object ({@link JsonBody}). Also gives
 * each operation its description (the verb's note, which the REST DSL does not map) with the roles that may use it,
 * and a server relative to the document, which is served by the same server whatever its address or scheme.
 */
public final class ApiDocument {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final String[] METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

    private final ObjectMapper json = new ObjectMapper();

    /**
     * The body, the document as camel-openapi-java wrote it, becomes the completed document (a JSON tree). Returns
     * nothing: a bean's result would replace the HTTP message, and with it the way to the response's headers.
     */
    public void complete(Exchange exchange) throws InvalidPayloadException, IOException {
        byte[] generated = exchange.getMessage().getMandatoryBody(byte[].class);
        ObjectNode document = (ObjectNode) json.readTree(generated);
        complete(document, ApiOperations.of(exchange.getContext()));
        exchange.getMessage().setBody(document);
    }

    void complete(ObjectNode document, ApiOperations operations) {
        document.putArray("servers").addObject().put("url", "/")
                .put("description", "The server that serves this document");
        ObjectNode components = document.has("components") ? (ObjectNode) document.get("components")
                : document.putObject("components");
        ObjectNode schemas = components.has("schemas") ? (ObjectNode) components.get("schemas")
                : components.putObject("schemas");
        schemas.set(PROBLEM_SCHEMA, problemSchema());

        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            JsonNode item = it.next().getValue();
            for (String method : METHODS) {
                if (item.get(method) instanceof ObjectNode operation) {
                    operations.withId(operation.path("operationId").asText(null))
                            .ifPresent(declared -> complete(operation, declared));
                }
            }
        }
    }

    private void complete(ObjectNode operation, ApiOperations.Operation declared) {
        String roles = declared.roles().stream().map(Role::id).collect(Collectors.joining(", "));
        String description = declared.description() == null ? "" : declared.description().strip() + "\n\n";
        if (declared.roles().isEmpty()) {
            operation.put("description", description + "Needs no credentials.");
            return;
        }
        operation.put("description", description + "Roles: " + roles + ".");

        ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
                : operation.putArray("parameters");
        ObjectNode justification = parameters.addObject();
        justification.put("name", Justification.HEADER).put("in", "header").put("required", true)
                .put("description", "Why the log is consulted (recorded with the consultation): not blank, at most "
                        + Justification.MAX_LENGTH + " characters, no control characters.");
        justification.putObject("schema").put("type", "string").put("minLength", 1)
                .put("maxLength", Justification.MAX_LENGTH);

        if (operation.path("requestBody").path("content").get("application/json") instanceof ObjectNode body) {
            // every body the layer takes is one JSON object (JsonBody); the REST DSL can only say "string"
            body.putObject("schema").put("type", "object");
        }

        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        responses.remove("default");
        // answers the verb declares (a 404) are problems too
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> declaredAnswer = it.next();
            if (declaredAnswer.getKey().matches("[45][0-9][0-9]") && !declaredAnswer.getValue().has("content")) {
                ((ObjectNode) declaredAnswer.getValue()).putObject("content").putObject("application/json")
                        .putObject("schema").put("$ref", PROBLEM_REF);
            }
        }
        if (responses.get("200") instanceof ObjectNode ok) {
            if (!ok.has("content")) {
                ok.putObject("content").putObject("application/json").putObject("schema").put("type", "object");
            }
            header(ok, "X-Request-Id", "The consultation's exchange id in the audit log.");
            header(ok, "Cache-Control", "Always no-store: the answer holds audit data.");
        }
        problem(responses, "400", "A header, parameter or body is missing or malformed; the code and the sentence "
                + "name it (MISSING_JUSTIFICATION, UNKNOWN_PARAMETER, INVALID_LIMIT, ...).");
        ObjectNode unauthenticated = problem(responses, "401", "AUTHENTICATION_REQUIRED or AUTHENTICATION_FAILED: "
                + "no HTTP Basic credentials, or not a user's (the same answer for an unknown user).");
        header(unauthenticated, "WWW-Authenticate", "Basic realm=\"" + ApiResponses.REALM + "\"");
        problem(responses, "403", "FORBIDDEN: the user's role may not use this operation (roles: " + roles + ").");
        ObjectNode locked = problem(responses, "429", "TOO_MANY_FAILED_LOGINS: the user name or the client address is "
                + "locked out after failed logins; even the right password is refused until then.");
        header(locked, "Retry-After", "Seconds to wait.");
        if (operation.has("requestBody")) {
            problem(responses, "413", "BODY_TOO_LARGE: the body is larger than this operation takes.");
            problem(responses, "415", "UNSUPPORTED_MEDIA_TYPE: the body must be application/json.");
        }
        problem(responses, "500", "INTERNAL_ERROR, naming the request id under which the fault is logged.");
        problem(responses, "503", "AUDIT_UNAVAILABLE: the consultation could not be recorded, so nothing was read.");
    }

    /** The answer of this status, with its description, as a problem JSON; kept if the verb declared it. */
    private static ObjectNode problem(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.has(status) ? (ObjectNode) responses.get(status) : responses.putObject(status);
        if (!response.has("description")) {
            response.put("description", description);
        }
        if (!response.has("content")) {
            response.putObject("content").putObject("application/json").putObject("schema").put("$ref", PROBLEM_REF);
        }
        return response;
    }

    private static void header(ObjectNode response, String name, String description) {
        ObjectNode headers = response.has("headers") ? (ObjectNode) response.get("headers")
                : response.putObject("headers");
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        header.putObject("schema").put("type", "string");
    }

    private ObjectNode problemSchema() {
        ObjectNode schema = json.createObjectNode();
        schema.put("type", "object").put("description", "Every error: a stable code for programs and one sentence "
                + "for people, which names the parameter at fault and never repeats what was sent.");
        schema.putArray("required").add("error").add("message");
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("error").put("type", "string").put("pattern", "^[A-Z][A-Z_]*$");
        properties.putObject("message").put("type", "string");
        return schema;
    }
}
