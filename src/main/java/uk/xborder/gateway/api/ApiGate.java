package uk.xborder.gateway.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;

import uk.xborder.gateway.audit.Step;

/**
 * The first step of every API route: who is asking (HTTP Basic, else 401; too many failed logins, 429), may they use
 * this operation (else 403), and why are they asking (the justification header, else 400). Nothing is read from the
 * log before a request passes. Refusals are audited by {@link ApiErrors}, with what this step learned before refusing.
 *
 * <p>Who may use an operation is what its REST verb declares ({@link ApiOperations}): the gate looks up the operation
 * of the route the request came in through, so the OpenAPI document and the gate cannot disagree. A route that is no
 * operation, or an operation that names no roles, admits nobody.
 */
public final class ApiGate {

    private final Authentication authentication;
    /** The context's operations, read once they are all there (the first request comes after start-up). */
    private volatile ApiOperations operations;

    ApiGate(Authentication authentication) {
        this.authentication = authentication;
    }

    /**
     * Admits the request or throws an {@link ApiProblem}.
     *
     * @param step the audit step of the operation, e.g. {@code API_SEARCH}
     */
    public void admit(Exchange exchange, Step step) {
        ApiRequest request = ApiRequest.start(exchange, step);
        Set<Role> allowed = allowedRoles(exchange);
        List<String> justifications = request.http().headers(Justification.HEADER);
        request.offeredJustification(justifications.isEmpty() ? null : justifications.get(0));

        ApiUser user = authenticate(request);
        request.user(user);
        if (!allowed.contains(user.role())) {
            throw ApiProblem.forbidden("The role " + user.role().id() + " may not use this endpoint.");
        }
        request.justification(Justification.require(justifications));
    }

    private Set<Role> allowedRoles(Exchange exchange) {
        String route = exchange.getFromRouteId();
        Optional<ApiOperations.Operation> operation = operations(exchange, false).servedBy(route);
        if (operation.isEmpty()) {
            operation = operations(exchange, true).servedBy(route);
        }
        Set<Role> roles = operation.map(ApiOperations.Operation::roles).orElse(Set.of());
        if (roles.isEmpty()) {
            // a mistake in the REST definitions, not the caller's: answered 500, logged under the request id
            throw new IllegalStateException("route " + route + " is no REST operation with roles in its '"
                    + ApiOperations.SECURITY + "' security requirement, so nobody may use it");
        }
        return roles;
    }

    private ApiOperations operations(Exchange exchange, boolean reread) {
        ApiOperations known = operations;
        if (known == null || reread) {
            known = ApiOperations.of(exchange.getContext());
            operations = known;
        }
        return known;
    }

    private ApiUser authenticate(ApiRequest request) {
        List<String> headers = request.http().headers("Authorization");
        Optional<BasicCredentials> parsed = headers.size() == 1
                ? BasicCredentials.parse(headers.get(0)) : Optional.empty();
        String address = request.http().remoteAddress();
        if (parsed.isEmpty()) {
            throw authentication.missingCredentials(address);
        }
        try (BasicCredentials credentials = parsed.get()) {
            request.claimedUser(credentials.username());
            return authentication.authenticate(credentials, address);
        }
    }
}
