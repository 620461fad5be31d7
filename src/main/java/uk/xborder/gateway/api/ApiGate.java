package uk.xborder.gateway.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;

import uk.xborder.gateway.audit.Step;

/**
 * The first step of every API route: who is asking (HTTP Basic, else 401; too many failed logins, 429), may they use
 * this endpoint (else 403), and why are they asking (the justification header, else 400). Nothing is read from the
 * log before a request passes. Refusals are audited by {@link ApiErrors}, with what this step learned before refusing.
 */
public final class ApiGate {

    private final Authentication authentication;

    ApiGate(Authentication authentication) {
        this.authentication = authentication;
    }

    /**
     * Admits the request or throws an {@link ApiProblem}.
     *
     * @param step  the audit step of the endpoint, e.g. {@code API_SEARCH}
     * @param roles the roles that may use it, space-separated, e.g. {@code "auditor admin"}
     */
    public void admit(Exchange exchange, Step step, String roles) {
        ApiRequest request = ApiRequest.start(exchange, step);
        Set<Role> allowed = Role.parseList(roles);
        List<String> justifications = request.http().headers(Justification.HEADER);
        request.offeredJustification(justifications.isEmpty() ? null : justifications.get(0));

        ApiUser user = authenticate(request);
        request.user(user);
        if (!allowed.contains(user.role())) {
            throw ApiProblem.forbidden("The role " + user.role().id() + " may not use this endpoint.");
        }
        request.justification(Justification.require(justifications));
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
