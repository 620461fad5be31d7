package uk.xborder.gateway.api;

import java.time.Clock;

import org.apache.camel.CamelContext;

import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.operator.BulkConfirmation;
import uk.xborder.gateway.exchange.operator.BulkReplays;
import uk.xborder.gateway.exchange.operator.ExchangeOperator;

/**
 * Puts the operator API's exchange operations ({@code /api/v1/exchanges}, routes {@value #ROUTES}) on the REST layer
 * beside the others, with the same gate, consultation record, responses, error handling and OpenAPI document
 * ({@link AuditApi#install}), and the two beans of their own: the parameters and the endpoints. Switched by the same
 * setting ({@value AuditApi#SWITCH}); the gateway calls this under it.
 */
public final class ExchangesApi {

    /** The routes of the endpoints. */
    public static final String ROUTES = "classpath:routes/exchanges-api.camel.yaml";

    private ExchangesApi() {
    }

    public static void install(CamelContext context, ExchangeStore store, ExchangeOperator operator,
                               BulkReplays bulk, BulkConfirmation confirmation, Clock clock) {
        context.getRegistry().bind("apiExchangeOrders", new ExchangeOrders());
        context.getRegistry().bind("apiExchanges", new ExchangeEndpoints(store, operator, bulk, confirmation,
                clock));
    }
}
