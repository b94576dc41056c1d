package com.onyxos.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body with a stable machine-readable {@code code}.
 *
 * @param type URI identifying the problem type
 * @param title short, human-readable summary of the problem type
 * @param status the HTTP status code
 * @param detail explanation specific to this occurrence
 * @param code stable identifier clients can switch on (e.g. {@code fanvue_not_connected})
 * @param errors field-level details for invalid input, when there are any
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    /** The media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid input field.
     *
     * @param field path of the field in the request (e.g. {@code body.level} or {@code query.size})
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {}
}
