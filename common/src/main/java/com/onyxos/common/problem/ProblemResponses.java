package com.onyxos.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; shared by the exception mappers and the HTTP-level filters. */
@ApplicationScoped
public class ProblemResponses {

    private final ProblemConfig config;

    public ProblemResponses(ProblemConfig config) {
        this.config = config;
    }

    /** A problem with the given fields; {@code type} is the configured base plus the code. */
    public Problem problem(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        return new Problem(config.typeBase() + code, title, status, detail, code, errors);
    }

    public Response build(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem(status, code, title, detail, errors))
                .build();
    }

    /** The generic problem for a bare HTTP status (404 for an unknown path, 405, 406, 415, ...). */
    public Response forStatus(int status) {
        StatusProblem known = StatusProblem.of(status);
        return build(status, known.code(), known.title(), known.detail(), List.of());
    }

    /** Generic code, title and detail of a status that carries no specific problem. */
    public record StatusProblem(String code, String title, String detail) {

        static StatusProblem of(int status) {
            return switch (status) {
                case 400 -> new StatusProblem("bad_request", "Bad Request", "The request is not valid.");
                case 401 -> new StatusProblem("unauthenticated", "Unauthorized", "A valid bearer token is required.");
                case 403 -> new StatusProblem("forbidden", "Forbidden", "You are not allowed to do this.");
                case 404 -> new StatusProblem("not_found", "Not Found", "The resource does not exist.");
                case 405 ->
                    new StatusProblem("method_not_allowed", "Method Not Allowed", "This method is not allowed here.");
                case 406 ->
                    new StatusProblem(
                            "not_acceptable", "Not Acceptable", "No representation matches the Accept header.");
                case 409 -> new StatusProblem("conflict", "Conflict", "The request conflicts with the current state.");
                case 413 ->
                    new StatusProblem(
                            "payload_too_large", "Content Too Large", "The request body is larger than allowed.");
                case 415 ->
                    new StatusProblem(
                            "unsupported_media_type", "Unsupported Media Type", "This content type is not supported.");
                default -> {
                    Response.Status.Family family = Response.Status.Family.familyOf(status);
                    Response.StatusType type = Response.Status.fromStatusCode(status);
                    String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
                    yield new StatusProblem(
                            family == Response.Status.Family.CLIENT_ERROR ? "client_error" : "http_" + status,
                            title,
                            title + ".");
                }
            };
        }
    }
}
