package uk.xborder.gateway.api;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * The last step of every API route, and of its error handling: writes the response. Only the headers set here reach
 * the client; the message's own headers (which hold the request's, Authorization included) are cleared. Responses are
 * never cached: they hold audit data.
 */
public final class ApiResponses {

    static final String REALM = "xborder-audit";
    private static final String JSON = "application/json; charset=utf-8";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The exchange property an operation sets to answer with another success status than 200 (e.g. 202). */
    static final String STATUS = "gwApiStatus";

    /** 200 (or the {@link #STATUS} the operation set) with the body written as JSON. */
    public void json(Exchange exchange) throws JsonProcessingException {
        byte[] body = json.writeValueAsBytes(exchange.getMessage().getBody());
        Integer status = exchange.getProperty(STATUS, Integer.class);
        write(exchange, status == null ? 200 : status, JSON, body);
    }

    /** 200 with the evidence bundle as an attachment. */
    public void bundle(Exchange exchange) throws InvalidPayloadException {
        ExportedBundle bundle = exchange.getMessage().getMandatoryBody(ExportedBundle.class);
        write(exchange, 200, bundle.mediaType(), bundle.content());
        http(exchange).ifPresent(http -> http.responseHeader("Content-Disposition",
                "attachment; filename=\"" + bundle.fileName() + "\""));
    }

    /**
     * The problem's status with {@code {"error": CODE, "message": sentence}}; 401 also names the realm, 429 says in
     * Retry-After how many seconds to wait.
     */
    void problem(Exchange exchange, ApiProblem problem) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new ApiViews.Problem(problem.code(), problem.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
        write(exchange, problem.status(), JSON, body);
        if (problem.status() == 401) {
            http(exchange).ifPresent(http -> http.responseHeader("WWW-Authenticate",
                    "Basic realm=\"" + REALM + "\""));
        }
        problem.retryAfterSeconds().ifPresent(seconds -> http(exchange).ifPresent(http ->
                http.responseHeader("Retry-After", Long.toString(seconds))));
    }

    private static void write(Exchange exchange, int status, String contentType, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setBody(body);
        http(exchange).ifPresent(http -> {
            http.responseHeader("Cache-Control", "no-store");
            http.responseHeader("X-Content-Type-Options", "nosniff");
            ApiRequest.of(exchange).ifPresent(r -> http.responseHeader("X-Request-Id", r.id()));
        });
    }

    private static Optional<VertxHttp> http(Exchange exchange) {
        Optional<ApiRequest> request = ApiRequest.of(exchange);
        return request.isPresent() ? Optional.of(request.get().http()) : VertxHttp.of(exchange);
    }
}
