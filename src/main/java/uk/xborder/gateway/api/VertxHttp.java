package uk.xborder.gateway.api;

import java.util.List;

import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * The HTTP request and response as Vert.x holds them.
 *
 * <p>Requests are read here, not from the Camel message headers: platform-http merges request headers, query
 * parameters and path parameters into one map, so {@code ?Authorization=...} would look like a header and a header
 * named {@code seq} like a path parameter. Response headers are set here too: platform-http copies every message
 * header into the response (the request's {@code Authorization} among them) and drops {@code Cache-Control}, so the API
 * clears the message headers and puts its own directly on the response.
 */
final class VertxHttp {

    private VertxHttp() {
    }

    static List<String> headers(Exchange exchange, String name) {
        return request(exchange).headers().getAll(name);
    }

    /** The query string exactly as sent (still percent-encoded), or "" when there is none. */
    static String rawQuery(Exchange exchange) {
        String query = request(exchange).query();
        return query == null ? "" : query;
    }

    /**
     * A path parameter of the route's URI template. A request header or query parameter of the same name would be
     * merged into it as a list; that is treated as absent, and the caller refuses the request.
     */
    static String pathParameter(Exchange exchange, String name) {
        Object value = exchange.getMessage().getHeader(name);
        return value instanceof String text ? text : null;
    }

    static String contentType(Exchange exchange) {
        return request(exchange).getHeader("Content-Type");
    }

    /** Puts a header on the response, replacing any of the same name. */
    static void responseHeader(Exchange exchange, String name, String value) {
        http(exchange).getResponse().putHeader(name, value);
    }

    private static HttpServerRequest request(Exchange exchange) {
        return http(exchange).getRequest();
    }

    private static HttpMessage http(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage http) {
            return http;
        }
        if (exchange.getMessage() instanceof HttpMessage http) {
            return http;
        }
        throw new IllegalStateException("the audit API is served by platform-http on Vert.x only");
    }
}
