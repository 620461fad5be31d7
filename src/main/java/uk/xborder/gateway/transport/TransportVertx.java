package uk.xborder.gateway.transport;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import org.apache.camel.support.service.ServiceSupport;

/**
 * The Vert.x instance of the HTTPS transport, shared by the inbound endpoint and the POSTs to partners, closed when
 * the gateway stops (after the routes and the endpoint, which were started after it). Its own, not the API
 * server's: the two ports have different jobs and the API's runs whether or not HTTPS does.
 */
final class TransportVertx extends ServiceSupport {

    // Envelopes are handed to the pipeline on worker threads; this many at most at once (see InboundHttpsEndpoint).
    static final int WORKERS = 4;

    private final Vertx vertx;

    TransportVertx() {
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(2)
                .setWorkerPoolSize(WORKERS)
                // The pipeline may take seconds (signature checks, the audit log's commit); that is not a blocked thread.
                .setMaxWorkerExecuteTime(2)
                .setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));
    }

    Vertx vertx() {
        return vertx;
    }

    @Override
    protected void doStop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
