package com.onyxos.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.onyxos.common.json.NulCharacterException;
import com.onyxos.common.schema.DatabaseFailures;
import com.onyxos.common.security.IdentityProviderFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The service's one error mapper: every failure leaves as RFC 9457 problem+json with a stable code, and never with a
 * class name, stack trace or secret. Unexpected failures are logged with a reference the client sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses responses;

    public ProblemMappers(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = responses.build(e.status(), e.code(), e.title(), e.detail(), List.of());
        return e.retryAfterSeconds() == null
                ? response
                : Response.fromResponse(response)
                        .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().toString())
                        .build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return IdentityProviderFailures.isUnavailable(e) ? identityProviderUnavailable() : unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return responses.build(403, "forbidden", "Forbidden", "You are not allowed to do this.", List.of());
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            return invalidBody(mismatch);
        }
        return responses.build(400, "malformed_json", "Bad Request", "The request body is not valid JSON.", List.of());
    }

    // Declared for the exact type so it wins over quarkus-rest-jackson's built-in mapper for it.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return invalidBody(e);
    }

    // Declared for the exact type so it wins over quarkus-rest-jackson's built-in mapper, which answers an empty 500:
    // a reader our own code cannot build is our bug, answered and logged like any other.
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e) {
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldError)
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return responses.build(400, "invalid_input", "Bad Request", "The request has invalid values.", errors);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON reader reports unparseable bodies as a bare 400 around the parser's exception.
            return invalidJson(json);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        return responses.forStatus(status);
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        if (IdentityProviderFailures.isUnavailable(e)) {
            return identityProviderUnavailable();
        }
        if (DatabaseFailures.isUnstorableText(e)) {
            // Validation should have refused this before the database did: worth a warning, not an error.
            LOG.warnf("The database refused text of a request (SQLSTATE 22021/22P05): %s", e.getMessage());
            return responses.build(
                    400,
                    "invalid_input",
                    "Bad Request",
                    "The request has characters that cannot be stored (such as NUL).",
                    List.of());
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            Response response = responses.build(
                    503,
                    "database_unavailable",
                    "Service Unavailable",
                    "The database is not reachable right now. Try again shortly.",
                    List.of());
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return responses.build(
                500,
                "internal_error",
                "Internal Server Error",
                "An unexpected error occurred. Reference: " + reference,
                List.of());
    }

    private Response identityProviderUnavailable() {
        LOG.warn("Identity provider unreachable: answering 503");
        Response response = responses.build(
                503,
                "identity_provider_unavailable",
                "Service Unavailable",
                "The identity provider that checks your token is not reachable right now. Try again shortly.",
                List.of());
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .build();
    }

    private Response unauthenticated() {
        Response response =
                responses.build(401, "unauthenticated", "Unauthorized", "A valid bearer token is required.", List.of());
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private Response invalidBody(MismatchedInputException e) {
        String field = fieldPath(e);
        if (e instanceof NulCharacterException) {
            return responses.build(
                    400,
                    "invalid_input",
                    "Bad Request",
                    "The request has characters that are not allowed.",
                    List.of(new Problem.FieldError(field, "must not contain the NUL character")));
        }
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException || e.getTargetType() != null) {
            message = "must be " + JsonTypes.describe(e.getTargetType());
        } else {
            message = "has the wrong type";
        }
        return responses.build(
                400,
                "invalid_body",
                "Bad Request",
                "The request body does not have the expected shape.",
                List.of(new Problem.FieldError(field, message)));
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder("body");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        // Paths look like "method.arg0.field"; clients know fields, not Java method names.
        String path = violation.getPropertyPath().toString();
        int firstDot = path.indexOf('.');
        String field = firstDot >= 0 ? path.substring(firstDot + 1) : path;
        return new Problem.FieldError(field, violation.getMessage());
    }
}
