package uk.xborder.gateway.api;

import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * What is known about one API request as it goes through its route: its id, the step it is, who sent it and why, and
 * what it asked for. Kept on the exchange so that the refusal of a request can be audited with whatever was known
 * when it was refused.
 */
public final class ApiRequest {

    /** How much of an unverified user name is kept in the audit log. */
    private static final int CLAIMED_NAME_LENGTH = 64;

    private final String id = UUID.randomUUID().toString();
    private final Step step;
    private final VertxHttp http;
    private String claimedUser;
    private ApiUser user;
    private String offeredJustification;
    private String justification;
    private String criteria = "none";

    private ApiRequest(Step step, VertxHttp http) {
        this.step = step;
        this.http = http;
    }

    static ApiRequest start(Exchange exchange, Step step) {
        VertxHttp http = VertxHttp.of(exchange).orElseThrow(() -> new IllegalStateException(
                "the audit API is served by platform-http on Vert.x only"));
        ApiRequest request = new ApiRequest(step, http);
        exchange.setProperty(ExchangeProperties.API_REQUEST, request);
        return request;
    }

    static Optional<ApiRequest> of(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(ExchangeProperties.API_REQUEST, ApiRequest.class));
    }

    static ApiRequest require(Exchange exchange) {
        return of(exchange).orElseThrow(() -> new IllegalStateException("the route did not admit the request"));
    }

    /** The id of the request: its consultation's exchange id in the audit log, and the X-Request-Id header. */
    public String id() {
        return "api-" + id;
    }

    public Step step() {
        return step;
    }

    VertxHttp http() {
        return http;
    }

    /** The user name the caller gave, before it was verified: sanitized, never trusted. */
    Optional<String> claimedUser() {
        return Optional.ofNullable(claimedUser);
    }

    void claimedUser(String name) {
        this.claimedUser = Sanitized.text(name, CLAIMED_NAME_LENGTH);
    }

    public Optional<ApiUser> user() {
        return Optional.ofNullable(user);
    }

    void user(ApiUser user) {
        this.user = user;
    }

    Optional<String> offeredJustification() {
        return Optional.ofNullable(offeredJustification);
    }

    void offeredJustification(String text) {
        this.offeredJustification = text;
    }

    /** The validated justification; present once the request is admitted. */
    public Optional<String> justification() {
        return Optional.ofNullable(justification);
    }

    void justification(String text) {
        this.justification = text;
    }

    /** What was asked for, as criteria only (e.g. {@code messageId=PS-1; limit=100}). */
    public String criteria() {
        return criteria;
    }

    void criteria(String description) {
        this.criteria = description;
    }
}
