package com.onyxos.common.fanvue;

import java.util.List;

/**
 * The fields Fanvue's error bodies carry; there is no single envelope, so each may be absent.
 *
 * @param error short error code or text ({@code 400}, {@code 401}, {@code 403}, {@code 410}, {@code 429})
 * @param message human text ({@code 400}, {@code 404}, {@code 409}, {@code 410})
 * @param errors validation messages ({@code 400})
 * @param nextVersion the API version to move to ({@code 410})
 */
public record FanvueErrorBody(String error, String message, List<String> errors, String nextVersion) {

    /** No body, or one without any known field. */
    public static final FanvueErrorBody NONE = new FanvueErrorBody(null, null, List.of(), null);

    public FanvueErrorBody {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One line for logs and exception messages. */
    String summary() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {error, message, errors.isEmpty() ? null : String.join("; ", errors)}) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() == 0 ? "" : " - ").append(part);
            }
        }
        return text.toString();
    }
}
