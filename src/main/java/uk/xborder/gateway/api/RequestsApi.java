package uk.xborder.gateway.api;

import java.util.Objects;

import org.apache.camel.CamelContext;

import uk.xborder.gateway.requests.OpenRequests;

/**
 * Puts the open-requests endpoint ({@code GET /api/v1/requests}, routes {@value #ROUTES}) beside the audit API: the
 * same gate, consultation record, responses and error handling, which {@link AuditApi#install} binds, and the one
 * bean of its own, the reader. The routes carry the same precondition ({@value AuditApi#SWITCH}), and the gateway
 * calls this under the same setting.
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
