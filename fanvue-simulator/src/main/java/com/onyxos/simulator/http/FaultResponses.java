package com.onyxos.simulator.http;

import com.onyxos.simulator.faults.FaultKind;
import com.onyxos.simulator.faults.FaultRule;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/** What injected faults answer instead of, or make of, an endpoint's answer. */
final class FaultResponses {
    private FaultResponses() {}

    /** An answer given without running the endpoint, or null to run it. */
    static SimResponse before(FaultRule fault, boolean endpointLimitsRate) {
        if (fault == null) {
            return null;
        }
        if (fault.kind() == FaultKind.ERROR) {
            int status = fault.statusOr(500);
            SimResponse error = SimResponse.error(status, reason(status), "injected fault");
            return fault.retryAfterSeconds() == null
                    ? error
                    : error.withHeaders(
                            Map.of("Retry-After", fault.retryAfterSeconds().toString()));
        }
        if (fault.kind() == FaultKind.RATE_LIMIT && !endpointLimitsRate) {
            return SimResponse.errorOnly(429, "Too Many Requests")
                    .withHeaders(Map.of("Retry-After", String.valueOf(retryAfter(fault))));
        }
        return null;
    }

    static int retryAfter(FaultRule fault) {
        return fault.retryAfterSeconds() == null ? 1 : fault.retryAfterSeconds();
    }

    /** The endpoint's answer as the fault leaves it. */
    static SimResponse after(FaultRule fault, SimResponse response) {
        if (fault == null) {
            return response;
        }
        if (fault.kind() == FaultKind.LOSE_RESPONSE) {
            int status = fault.statusOr(502);
            return SimResponse.error(status, reason(status), "injected fault: response lost");
        }
        if (!fault.kind().reshapesBody() || !response.successful()) {
            return response;
        }
        return switch (fault.kind()) {
            case EMPTY_BODY -> response.withBody(200, new RawBody(""));
            case EMPTY_OBJECT -> response.withBody(200, new RawBody("{}"));
            case TRUNCATED_JSON -> response.withBody(response.status(), truncated(response.body()));
            case HAS_MORE_FOREVER ->
                response.body() instanceof Paged paged
                        ? response.withBody(response.status(), paged.forever())
                        : response;
            default -> response;
        };
    }

    private static RawBody truncated(Object body) {
        String json = body instanceof RawBody raw ? raw.text() : JsonCodec.write(body);
        return new RawBody(json.substring(0, Math.max(1, json.length() / 2)));
    }

    private static String reason(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
