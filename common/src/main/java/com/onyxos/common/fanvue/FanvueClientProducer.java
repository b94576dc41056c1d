package com.onyxos.common.fanvue;

import com.onyxos.common.fanvue.internal.FanvueHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes one {@link FanvueClient} per application, on Quarkus's Vert.x, from {@code onyx.fanvue.*}. */
@ApplicationScoped
public class FanvueClientProducer {

    // Singleton, not ApplicationScoped: the client is final and needs no proxy.
    @Produces
    @Singleton
    FanvueClient fanvueClient(Vertx vertx, FanvueClientConfig config, MeterRegistry registry) {
        return new FanvueClient(
                new FanvueHttp(vertx, config.settings(), new MicrometerFanvueMetrics(registry)), config.settings());
    }

    void close(@Disposes FanvueClient client) {
        client.close();
    }
}
