package uk.xborder.gateway.api;

import java.util.Objects;

import org.apache.camel.CamelContext;

import uk.xborder.gateway.requests.OpenRequests;

/**
 * Puts the operator API's open-requests operation ({@code GET /api/v1/requests}, routes {@value #ROUTES}) on the
 * REST layer beside the auditor API: the same gate, consultation record, responses, error handling and OpenAPI
 * document, which {@link AuditApi#install} binds, and the one bean of its own, the reader. Its rest block and route
 * are switched by the same setting ({@value AuditApi#SWITCH}), and the gateway calls this under it.
 */
public final class RequestsApi {

    /** The routes of the endpoint. */
    public static final String ROUTES = "classpath:routes/requests-api.camel.yaml";

    private RequestsApi() {
    }

    public static void install(CamelContext context, OpenRequests requests) {
        Objects.requireNonNull(requests, "requests");
        context.getRegistry().bind("apiRequests", new RequestReader(requests));
    }
}
