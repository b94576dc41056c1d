package com.onyxos.simulator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** One HTTP server on its own event loop; several instances share the simulator's port. */
final class ServerVerticle extends AbstractVerticle {
    private final Router router;
    private final HttpServerOptions options;
    private final int port;

    ServerVerticle(Router router, HttpServerOptions options, int port) {
        this.router = router;
        this.options = options;
        this.port = port;
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.createHttpServer(options)
                .requestHandler(router)
                .listen(port)
                .<Void>mapEmpty()
                .onComplete(started);
    }
}
