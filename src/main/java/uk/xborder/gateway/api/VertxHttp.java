package uk.xborder.gateway.api;

import java.util.List;
import java.util.Optional;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * The HTTP request and response as Vert.x holds them, taken from the exchange when a request arrives (later steps
 * may replace the Camel message that carries them).
 *
 * <p>Requests are read here, not from the Camel message headers: platform-http merges request headers, query
 * parameters and path parameters into one map, so {@code ?Authorization=...} would look like a header and a header
 * named {@code seq} like a path parameter. Response headers are set here too: platform-http copies every message
 * header into the response (the request's {@code Authorization} among them) and drops {@code Cache-Control}, so the API
 * clears the message headers and puts its own directly on the response.
 */
final class VertxHttp {

    private final HttpServerRequest request;
    private final HttpServerResponse response;

    private VertxHttp(HttpServerRequest request, HttpServerResponse response) {
        this.request = request;
        this.response = response;
    }

    /** The request and response of an exchange that came in through platform-http on Vert.x. */
    static Optional<VertxHttp> of(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage http) {
            return Optional.of(new VertxHttp(http.getRequest(), http.getResponse()));
        }
        if (exchange.getMessage() instanceof HttpMessage http) {
            return Optional.of(new VertxHttp(http.getRequest(), http.getResponse()));
        }
        return Optional.empty();
    }

    List<String> headers(String name) {
        return request.headers().getAll(name);
    }

    /** The query string exactly as sent (still percent-encoded), or "" when there is none. */
    String rawQuery() {
        String query = request.query();
        return query == null ? "" : query;
    }

    /** The address of the client's end of the connection (never a forwarded-for header); null if unknown. */
    String remoteAddress() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    String contentType() {
        return request.getHeader("Content-Type");
    }

    /** Puts a header on the response, replacing any of the same name. */
    void responseHeader(String name, String value) {
        response.putHeader(name, value);
    }

    /**
     * A path parameter of the route's URI template, which platform-http puts in the message headers. A request header
     * or query parameter of the same name is merged into it as a list; that is treated as absent, so the request is
     * refused rather than guessed at.
     */
    static String pathParameter(Exchange exchange, String name) {
        Object value = exchange.getMessage().getHeader(name);
        return value instanceof String text ? text : null;
    }
}
