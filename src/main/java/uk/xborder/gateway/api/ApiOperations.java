package uk.xborder.gateway.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.rest.RestEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.SecurityDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.support.CamelContextHelper;

/**
 * The operations of the REST layer as the context's REST DSL declares them (routes/api.camel.yaml and the files
 * beside it), each joined to the route that serves it. The one place where who may use an operation is written is
 * its verb: the roles are the scopes of its {@value #SECURITY} security requirement. The gate enforces them and the
 * OpenAPI document shows them, both read from here.
 */
public final class ApiOperations {

    /** The key of the HTTP Basic security scheme in the REST definitions. */
    public static final String SECURITY = "basic";

    /**
     * One operation.
     *
     * @param routeId     the route that serves it (the verb's direct route, inlined)
     * @param id          its operation id in the OpenAPI document (the verb's id)
     * @param method      the HTTP method, upper case
     * @param path        the path template, e.g. {@code /api/audit/entries/{seq}/proof}
     * @param summary     the verb's description
     * @param description the verb's note
     * @param roles       who may use it; empty when the verb declares no {@value #SECURITY} requirement
     * @param documented  whether it is in the OpenAPI document (the document itself is not)
     */
    public record Operation(String routeId, String id, String method, String path, String summary,
                            String description, Set<Role> roles, boolean documented) {

        public Operation {
            roles = Collections.unmodifiableSet(roles);
        }
    }

    private final Map<String, Operation> byRoute;

    private ApiOperations(List<Operation> operations) {
        this.byRoute = operations.stream().collect(Collectors.toUnmodifiableMap(Operation::routeId,
                Function.identity()));
    }

    /**
     * The operations the context serves through the REST DSL: each route whose input is a REST endpoint, with the verb
     * of the context's REST definitions that has the same method and path.
     */
    public static ApiOperations of(CamelContext context) {
        Map<String, Declared> verbs = new HashMap<>();
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String key = key(verb.asVerb(), path(text(context, rest.getPath()), text(context, verb.getPath())));
                verbs.put(key, new Declared(rest, verb));
            }
        }
        List<Operation> operations = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof RestEndpoint endpoint) {
                Declared declared = verbs.get(key(endpoint.getMethod(),
                        path(endpoint.getPath(), endpoint.getUriTemplate())));
                if (declared != null) {
                    operations.add(operation(context, route.getRouteId(), declared.rest(), declared.verb()));
                }
            }
        }
        return new ApiOperations(operations);
    }

    public List<Operation> all() {
        return List.copyOf(byRoute.values());
    }

    /** The operation served by this route, if it is one. */
    public Optional<Operation> servedBy(String routeId) {
        return Optional.ofNullable(routeId == null ? null : byRoute.get(routeId));
    }

    /** The operation with this id (the verb's id, the document's operationId), if there is one. */
    public Optional<Operation> withId(String id) {
        return byRoute.values().stream().filter(o -> o.id() != null && o.id().equals(id)).findFirst();
    }

    private static Operation operation(CamelContext context, String routeId, RestDefinition rest,
                                       VerbDefinition verb) {
        String documented = verb.getApiDocs() != null ? verb.getApiDocs() : rest.getApiDocs();
        return new Operation(routeId, text(context, verb.getId()), verb.asVerb().toUpperCase(Locale.ROOT),
                path(text(context, rest.getPath()), text(context, verb.getPath())),
                text(context, verb.getDescriptionText()), text(context, verb.getNote()), roles(context, verb),
                documented == null || Boolean.parseBoolean(text(context, documented)));
    }

    /**
     * The scopes of the verb's basic security requirement as roles. An unknown role throws: a typo in an access rule
     * must stop the API, never grant or deny silently.
     */
    private static Set<Role> roles(CamelContext context, VerbDefinition verb) {
        for (SecurityDefinition requirement : verb.getSecurity()) {
            String scopes = text(context, requirement.getScopes());
            if (SECURITY.equals(text(context, requirement.getKey())) && scopes != null && !scopes.isBlank()) {
                return Role.parseList(scopes);
            }
        }
        return Set.of();
    }

    /** The rest block's path and the verb's, joined as the OpenAPI document writes them. */
    static String path(String base, String verb) {
        StringBuilder path = new StringBuilder();
        for (String part : new String[] {base, verb}) {
            if (part == null || part.isBlank()) {
                continue;
            }
            String trimmed = part.strip().replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private record Declared(RestDefinition rest, VerbDefinition verb) {
    }

    private static String text(CamelContext context, String value) {
        return value == null ? null : CamelContextHelper.parseText(context, value);
    }
}
