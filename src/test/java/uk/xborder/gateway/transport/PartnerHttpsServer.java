package uk.xborder.gateway.transport;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.X509KeyManager;
import javax.security.auth.x500.X500Principal;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A partner's HTTPS endpoint for the outbound tests: a Vert.x server on the loopback that requires a client
 * certificate chaining to the UK root, records what was POSTed and by whom, and answers as told.
 */
final class PartnerHttpsServer implements AutoCloseable {

    /** One POST as the partner saw it. */
    record Post(byte[] body, String contentType, X500Principal client) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    private volatile int status = 200;
    private volatile byte[] answer = new byte[0];
    private final HttpServer server;

    /** Presents {@code serverKey}; trusts clients of the UK root only. */
    PartnerHttpsServer(X509KeyManager serverKey) throws Exception {
        Router router = Router.router(vertx);
        router.post(InboundHttpsEndpoint.PATH).handler(BodyHandler.create(false)).handler(context -> {
            X509Certificate client;
            try {
                client = (X509Certificate) context.request().connection().peerCertificates().get(0);
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                context.fail(403);
                return;
            }
            posts.add(new Post(context.body().buffer().getBytes(), context.request().getHeader("Content-Type"),
                    client.getSubjectX500Principal()));
            if (status < 0) {
                return; // silent: the client's timeout is what ends the request
            }
            context.response().setStatusCode(status).putHeader("Content-Type", "application/pkcs7-mime")
                    .end(Buffer.buffer(answer));
        });
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap(serverKey))
                .setTrustOptions(TrustOptions.wrap(ExampleTls.trustManager("uk-root-ca")))
                .setClientAuth(ClientAuth.REQUIRED);
        server = vertx.createHttpServer(options).requestHandler(router).listen()
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** The endpoint URL, with the host name the certificates name. */
    String url() {
        return "https://localhost:" + server.actualPort() + InboundHttpsEndpoint.PATH;
    }

    /** From now on, answer every POST with this status and body. */
    void answer(int statusCode, byte[] body) {
        this.status = statusCode;
        this.answer = body.clone();
    }

    /** From now on, take POSTs and never answer them. */
    void answerNothing() {
        this.status = -1;
    }

    List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
