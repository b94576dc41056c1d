package com.onyxos.simulator.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors in Fanvue's own shapes, which have no single envelope: 400 {@code {error,message}}, 401/403
 * {@code {error}}, 404/409 {@code {message}}. The simulator must answer like Fanvue, not like our services.
 */
public class FanvueErrorMapper {

    private static final Logger LOG = Logger.getLogger(FanvueErrorMapper.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return json(status, bodyFor(status, reason(status)));
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        LOG.error("Simulator failure", e);
        return json(500, Map.of("error", "internal_error", "message", "Internal Server Error"));
    }

    /** The body Fanvue sends for a status. */
    static Map<String, Object> bodyFor(int status, String message) {
        return switch (status) {
            case 401, 403 -> Map.of("error", message);
            case 404, 409 -> Map.of("message", message);
            default -> Map.of("error", reason(status).toLowerCase().replace(' ', '_'), "message", message);
        };
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    private static Response json(int status, Map<String, Object> body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body)
                .build();
    }
}
