package com.onyxos.simulator.http;

import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.control.JournalEntry;
import com.onyxos.simulator.faults.FaultKind;
import com.onyxos.simulator.faults.FaultRule;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * Runs every Fanvue request (API and OAuth): picks a fault, waits out latency on a timer (never blocking the event
 * loop nor holding the lock), lets the endpoint answer, reshapes or loses the answer as the fault says, writes it and
 * journals it.
 */
public final class Dispatcher {
    private final Vertx vertx;
    private final SimulatorState state;

    public Dispatcher(Vertx vertx, SimulatorState state) {
        this.vertx = vertx;
        this.state = state;
    }

    public Handler<RoutingContext> handler(String route, Endpoint endpoint) {
        return ctx -> dispatch(new Exchange(ctx, route), endpoint);
    }

    private void dispatch(Exchange ex, Endpoint endpoint) {
        String method = ex.context().request().method().name();
        String path = ex.context().request().path();
        long[] delay = new long[1];
        FaultRule fault = state.locked(() -> {
            delay[0] = state.faults().latencyMs();
            return state.faults().pick(method, path);
        });
        ex.fault(fault);
        if (fault != null && fault.kind() == FaultKind.TIMEOUT && fault.delayMs() == null) {
            record(ex, 0); // held open until the client gives up
            return;
        }
        boolean delayed = fault != null && (fault.kind() == FaultKind.TIMEOUT || fault.kind() == FaultKind.DELAY);
        long wait = delay[0] + (delayed && fault.delayMs() != null ? fault.delayMs() : 0);
        if (wait > 0) {
            vertx.setTimer(wait, id -> proceed(ex, endpoint));
        } else {
            proceed(ex, endpoint);
        }
    }

    private void proceed(Exchange ex, Endpoint endpoint) {
        if (ex.context().response().closed()) {
            record(ex, 0);
            return;
        }
        SimResponse response = FaultResponses.before(ex.fault(), endpoint.rateLimited());
        if (response == null) {
            response = safely(endpoint, ex);
        }
        FaultRule fault = ex.fault();
        if (fault != null && fault.kind() == FaultKind.LOSE_RESPONSE && Boolean.TRUE.equals(fault.dropConnection())) {
            record(ex, 0);
            ex.context().request().connection().close();
            return;
        }
        send(ex, FaultResponses.after(fault, response));
    }

    private SimResponse safely(Endpoint endpoint, Exchange ex) {
        try {
            return endpoint.handle(ex);
        } catch (RuntimeException e) {
            return SimResponse.error(500, "Internal Server Error", "simulator failure: " + e.getMessage());
        }
    }

    private void send(Exchange ex, SimResponse response) {
        HttpServerResponse http = ex.context().response();
        http.setStatusCode(response.status());
        response.headers().forEach(http::putHeader);
        if (response.body() == null) {
            http.end();
        } else {
            String text = response.body() instanceof RawBody raw ? raw.text() : JsonCodec.write(response.body());
            http.putHeader("Content-Type", "application/json");
            http.end(Buffer.buffer(text));
        }
        record(ex, response.status());
    }

    private void record(Exchange ex, int status) {
        var request = ex.context().request();
        JournalEntry entry = new JournalEntry(
                0,
                Instant.ofEpochMilli(ex.startedAtMillis()),
                request.method().name(),
                request.path(),
                ex.route(),
                request.query(),
                status,
                ex.bucket(),
                ex.userUuid(),
                ex.clientId(),
                ex.grantType(),
                ex.early(),
                ex.fault() == null ? null : ex.fault().kind().json(),
                System.currentTimeMillis() - ex.startedAtMillis());
        state.locked(() -> {
            state.journal().add(entry);
            return null;
        });
    }
}
