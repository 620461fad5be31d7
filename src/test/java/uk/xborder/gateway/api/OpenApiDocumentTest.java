package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.testsupport.GatewayPerClass;

/**
 * The OpenAPI document the running gateway serves at {@value #DOCUMENT}: valid OpenAPI 3, the same operations as the
 * REST layer the Camel context runs (no more, no fewer), each saying how it is secured and what it answers, and the
 * roles it documents are the roles the gate enforces: checked by asking each operation as each role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenApiDocumentTest {

    static final String DOCUMENT = "/api/openapi.json";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private HttpResponse<String> served;
    private JsonNode document;

    @BeforeAll
    void fetch() throws Exception {
        // no credentials: the document reveals no data
        served = http.send(HttpRequest.newBuilder(URI.create(GATEWAY.get().httpUrl() + DOCUMENT))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        document = json.readTree(served.body());
    }

    @Test
    void theDocumentIsServedWithoutCredentialsAsJsonLikeEveryAnswerOfTheApi() {
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Authorization")).isEmpty();
    }

    @Test
    void theDocumentIsValidOpenApi3() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);

        assertThat(parsed.getMessages()).as("what the OpenAPI parser finds wrong").isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isNotBlank();
        assertThat(parsed.getOpenAPI().getInfo().getVersion()).isNotBlank();
        // every $ref resolves: the problem schema is there
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKey(ApiDocument.PROBLEM_SCHEMA);
        // relative to the document, whatever address and scheme the gateway is reached by
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
    }

    @Test
    void everyRestOperationOfTheContextIsDocumentedAndNothingElse() {
        Set<String> served = new TreeSet<>();
        for (RestRegistry.RestService service : GATEWAY.get().context().getRestRegistry().listAllRestServices()) {
            String template = service.getUriTemplate() == null ? "" : "/" + service.getUriTemplate();
            served.add(service.getMethod().toUpperCase() + " " + service.getBasePath() + template);
        }
        Set<String> documented = new TreeSet<>();
        operations().forEach(op -> documented.add(op.method() + " " + op.path()));

        // the document itself is the one operation that is not in it
        assertThat(served).contains("GET " + DOCUMENT);
        served.remove("GET " + DOCUMENT);
        assertThat(documented).isEqualTo(served);
        assertThat(documented).contains("GET /api/audit/entries", "GET /api/audit/exchanges/{exchangeId}",
                "GET /api/audit/entries/{seq}/proof", "GET /api/audit/checkpoints", "POST /api/audit/export",
                "POST /api/audit/verify", "GET /api/v1/requests");
    }

    @Test
    void everyOperationIsDescribedWithItsParametersTypedAndTheJustificationRequired() {
        for (Op op : operations()) {
            JsonNode operation = op.node();
            assertThat(operation.path("summary").asText()).as(op + " summary").isNotBlank();
            assertThat(operation.path("description").asText()).as(op + " description").isNotBlank();
            assertThat(operation.path("operationId").asText()).as(op + " operationId").startsWith("api-");

            List<String> pathParameters = new ArrayList<>();
            for (JsonNode parameter : operation.path("parameters")) {
                assertThat(parameter.path("schema").path("type").asText()).as(op + " " + parameter)
                        .isIn("string", "integer", "number", "boolean");
                assertThat(parameter.path("description").asText()).as(op + " " + parameter).isNotBlank();
                assertThat(parameter.has("required")).as(op + " " + parameter + " says whether required").isTrue();
                if (parameter.path("in").asText().equals("path")) {
                    assertThat(parameter.path("required").asBoolean()).as(op + " " + parameter).isTrue();
                    pathParameters.add(parameter.path("name").asText());
                }
            }
            List<String> inTemplate = new ArrayList<>();
            Matcher names = PATH_PARAMETER.matcher(op.path());
            while (names.find()) {
                inTemplate.add(names.group(1));
            }
            assertThat(pathParameters).as(op + " path parameters").containsExactlyInAnyOrderElementsOf(inTemplate);

            JsonNode justification = parameter(operation, "header", Justification.HEADER);
            assertThat(justification).as(op + " " + Justification.HEADER).isNotNull();
            assertThat(justification.path("required").asBoolean()).isTrue();
            assertThat(justification.at("/schema/maxLength").asInt()).isEqualTo(Justification.MAX_LENGTH);
        }
    }

    @Test
    void everyOperationIsSecuredByHttpBasicAndDeclaresTheGatesAnswers() {
        JsonNode schemes = document.at("/components/securitySchemes");
        for (Op op : operations()) {
            JsonNode security = op.node().path("security");
            assertThat(security.isArray() && !security.isEmpty()).as(op + " security").isTrue();
            for (JsonNode requirement : security) {
                requirement.fieldNames().forEachRemaining(name -> {
                    assertThat(schemes.path(name).path("type").asText()).as(op + " scheme " + name).isEqualTo("http");
                    assertThat(schemes.path(name).path("scheme").asText()).isEqualTo("basic");
                });
            }
            JsonNode responses = op.node().path("responses");
            assertThat(responses.has("200")).as(op + " 200").isTrue();
            assertThat(responses.path("200").path("description").asText()).as(op + " 200").isNotBlank();
            for (String refusal : List.of("400", "401", "403", "429")) {
                assertThat(responses.path(refusal).at("/content/application~1json/schema/$ref").asText())
                        .as(op + " " + refusal).isEqualTo("#/components/schemas/" + ApiDocument.PROBLEM_SCHEMA);
                assertThat(responses.path(refusal).path("description").asText()).isNotBlank();
            }
            assertThat(responses.at("/401/headers/WWW-Authenticate").isObject()).as(op + " 401 challenge").isTrue();
            assertThat(responses.at("/429/headers/Retry-After").isObject()).as(op + " 429 wait").isTrue();
            if (op.node().has("requestBody")) {
                assertThat(responses.has("413") && responses.has("415")).as(op + " body answers").isTrue();
                assertThat(op.node().at("/requestBody/content/application~1json/schema/type").asText())
                        .isEqualTo("object");
            }
        }
        JsonNode problem = document.at("/components/schemas/" + ApiDocument.PROBLEM_SCHEMA);
        assertThat(problem.path("required")).extracting(JsonNode::asText).containsExactly("error", "message");
    }

    /** The roles in the document are those the gate reads (the same REST definitions), for every operation. */
    @Test
    void theDocumentedRolesAreTheOnesTheGateReads() {
        ApiOperations gate = ApiOperations.of(GATEWAY.get().context());
        for (Op op : operations()) {
            ApiOperations.Operation declared = gate.withId(op.node().path("operationId").asText()).orElseThrow();
            assertThat(op.roles()).as(op + " roles").isNotEmpty().isEqualTo(declared.roles());
            assertThat(declared.method() + " " + declared.path()).isEqualTo(op.method() + " " + op.path());
            for (Role role : op.roles()) {
                assertThat(op.node().path("description").asText()).as(op + " description names " + role)
                        .contains(role.id());
            }
        }
    }

    /**
     * Each operation asked by a user of each role: the roles the document allows get past the gate (whatever the
     * answer then), every other role gets 403 FORBIDDEN. What the document says is what the gateway does.
     */
    @Test
    void everyRoleTheDocumentAllowsGetsPastTheGateAndNoOtherDoes() throws Exception {
        for (Op op : operations()) {
            for (Role role : Role.values()) {
                HttpResponse<String> answer = ask(op, role);
                String what = op + " as " + role.id() + ": " + answer.statusCode() + " " + answer.body();
                if (op.roles().contains(role)) {
                    assertThat(answer.statusCode()).as(what).isNotIn(401, 403, 500);
                } else {
                    assertThat(answer.statusCode()).as(what).isEqualTo(403);
                    assertThat(json.readTree(answer.body()).path("error").asText()).isEqualTo("FORBIDDEN");
                }
            }
        }
    }

    private HttpResponse<String> ask(Op op, Role role) throws Exception {
        Matcher parameters = PATH_PARAMETER.matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            JsonNode parameter = parameter(op.node(), "path", parameters.group(1));
            String type = parameter.at("/schema/type").asText();
            parameters.appendReplacement(path, type.equals("integer") ? "0" : "7d1c3b9e-0000-4c55-9a0e-000000000000");
        }
        parameters.appendTail(path);
        String user = role.id();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY.get().httpUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":example-" + user + "-password").getBytes(StandardCharsets.UTF_8)))
                .header(Justification.HEADER, "Checking the API's access rules against its OpenAPI document");
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (op.node().has("requestBody")) {
            request.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString("{\"messageId\": \"none-such\"}");
        }
        return http.send(request.method(op.method(), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals(in) && parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        return null;
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> item = paths.next();
            for (String method : METHODS) {
                JsonNode operation = item.getValue().get(method);
                if (operation != null) {
                    operations.add(new Op(method.toUpperCase(), item.getKey(), operation, roles(operation)));
                }
            }
        }
        assertThat(operations).isNotEmpty();
        return operations;
    }

    /** The roles of an operation: the scopes of its basic security requirement (OpenAPI 3.1: role names). */
    private static Set<Role> roles(JsonNode operation) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode requirement : operation.path("security")) {
            for (JsonNode scope : requirement.path(ApiOperations.SECURITY)) {
                roles.add(Role.fromId(scope.asText()).orElseThrow(() -> new AssertionError(
                        "not a role: " + scope)));
            }
        }
        return roles;
    }

    private record Op(String method, String path, JsonNode node, Set<Role> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
