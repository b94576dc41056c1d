package com.onyxos.simulator.control;

import com.onyxos.simulator.faults.FaultRule;
import com.onyxos.simulator.faults.Latency;
import com.onyxos.simulator.http.JsonCodec;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** The admin HTTP API under {@code /_simulator}: never under a Fanvue path, never faulted nor journaled. */
public final class ControlRoutes {
    public static final String PREFIX = "/_simulator";
    private static final String CREATOR = PREFIX + "/creators/:creator";

    private final SimulatorControl control;

    private ControlRoutes(SimulatorControl control) {
        this.control = control;
    }

    public static void mount(Router router, SimulatorControl control) {
        new ControlRoutes(control).mount(router);
    }

    private void mount(Router router) {
        router.route(PREFIX + "/*").handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        router.post(PREFIX + "/reset").handler(answer(200, ctx -> {
            ResetRequest overrides = body(ctx, ResetRequest.class);
            control.reset(overrides == null ? control.settings() : overrides.applyTo(control.settings()));
            return control.world();
        }));
        router.get(PREFIX + "/world").handler(answer(200, ctx -> control.world()));
        router.get(PREFIX + "/stats").handler(answer(200, ctx -> control.stats()));
        router.get(PREFIX + "/journal").handler(answer(200, ctx -> control.journal(filter(ctx.queryParams()))));
        router.delete(PREFIX + "/journal").handler(answer(204, ctx -> run(control::clearJournal)));
        router.get(PREFIX + "/faults").handler(answer(200, ctx -> control.faults()));
        router.post(PREFIX + "/faults").handler(answer(201, ctx -> control.addFault(required(ctx, FaultRule.class))));
        router.delete(PREFIX + "/faults").handler(answer(204, ctx -> run(control::clearFaults)));
        router.delete(PREFIX + "/faults/:id").handler(answer(204, ctx -> {
            if (!control.removeFault(ctx.pathParam("id"))) {
                throw new NoSuchElementException("no fault rule " + ctx.pathParam("id"));
            }
            return null;
        }));
        router.put(PREFIX + "/latency")
                .handler(answer(204, ctx -> run(() -> control.latency(required(ctx, Latency.class)))));
        router.post(PREFIX + "/tokens")
                .handler(answer(200, ctx -> control.issueToken(required(ctx, TokenRequest.class))));
        router.post(PREFIX + "/tokens/expire").handler(answer(200, ctx -> {
            Map<?, ?> request = body(ctx, Map.class);
            Object user = request == null ? null : request.get("userUuid");
            return Map.of("expired", control.expireTokens(user == null ? null : user.toString()));
        }));
        mountMutations(router);
    }

    private void mountMutations(Router router) {
        router.post(CREATOR + "/folders")
                .handler(answer(201, ctx -> run(() -> control.createFolder(creator(ctx), field(ctx, "name")))));
        router.patch(CREATOR + "/folders/:name")
                .handler(answer(
                        204,
                        ctx -> run(
                                () -> control.renameFolder(creator(ctx), ctx.pathParam("name"), field(ctx, "name")))));
        router.delete(CREATOR + "/folders/:name")
                .handler(answer(204, ctx -> run(() -> control.deleteFolder(creator(ctx), ctx.pathParam("name")))));
        router.post(CREATOR + "/media")
                .handler(answer(201, ctx -> control.addMedia(creator(ctx), required(ctx, NewMedia.class))));
        router.post(CREATOR + "/media/:uuid/move")
                .handler(answer(
                        204,
                        ctx -> run(() -> control.moveMedia(
                                creator(ctx), ctx.pathParam("uuid"), field(ctx, "from"), field(ctx, "to")))));
        router.delete(CREATOR + "/media/:uuid")
                .handler(answer(204, ctx -> run(() -> control.deleteMedia(creator(ctx), ctx.pathParam("uuid")))));
        router.post(CREATOR + "/earnings")
                .handler(answer(201, ctx -> control.addEarning(creator(ctx), required(ctx, NewEarning.class))));
        router.patch(CREATOR + "/earnings/:order")
                .handler(answer(
                        200,
                        ctx -> Map.of(
                                "changed",
                                control.setEarningStatus(
                                        creator(ctx), ctx.pathParam("order"), field(ctx, "transactionOrderStatus")))));
        router.get(CREATOR + "/truth")
                .handler(answer(
                        200,
                        ctx -> control.truth(
                                creator(ctx),
                                instant(ctx.queryParams().get("startDate")),
                                instant(ctx.queryParams().get("endDate")))));
    }

    private static Handler<RoutingContext> answer(int status, Function<RoutingContext, Object> action) {
        return ctx -> {
            try {
                Object body = action.apply(ctx);
                write(ctx, status, status == 204 ? null : body);
            } catch (NoSuchElementException e) {
                write(ctx, 404, Map.of("message", String.valueOf(e.getMessage())));
            } catch (IllegalArgumentException e) {
                write(ctx, 400, Map.of("error", "Bad Request", "message", String.valueOf(e.getMessage())));
            }
        };
    }

    private static void write(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status);
        if (body == null) {
            ctx.response().end();
        } else {
            ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(JsonCodec.write(body)));
        }
    }

    private static Object run(Runnable action) {
        action.run();
        return null;
    }

    private static String creator(RoutingContext ctx) {
        return ctx.pathParam("creator");
    }

    private static <T> T body(RoutingContext ctx, Class<T> type) {
        String text = ctx.body().asString();
        return text == null || text.isBlank() ? null : JsonCodec.read(text, type);
    }

    private static <T> T required(RoutingContext ctx, Class<T> type) {
        T value = body(ctx, type);
        if (value == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return value;
    }

    private static String field(RoutingContext ctx, String name) {
        Object value = required(ctx, Map.class).get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.toString();
    }

    private static Instant instant(String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "startDate and endDate are ISO-8601 instants, e.g. 2026-10-01T00:00:00Z");
        }
    }

    private static JournalFilter filter(MultiMap q) {
        return new JournalFilter(
                q.get("method"),
                q.get("path"),
                q.get("route"),
                q.get("status") == null ? null : Integer.valueOf(q.get("status")),
                q.get("user"),
                q.get("grantType"),
                q.get("early") == null ? null : Boolean.valueOf(q.get("early")),
                q.get("afterSeq") == null ? null : Long.valueOf(q.get("afterSeq")));
    }
}
