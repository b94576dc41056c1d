package com.onyxos.stats.rest;

import com.onyxos.common.problem.ProblemException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses ids from paths ourselves, so a malformed one answers a 400 problem naming it (JAX-RS would answer 404 for
 * a value it cannot convert), and the 404 problems of the creators API.
 */
final class Ids {

    // UUID.fromString alone accepts short forms such as "1-2-3-4-5"; ids are always the canonical 36 characters.
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    static UUID creatorId(String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw new ProblemException(400, "invalid_input", "Bad Request", "The creator id must be a UUID.");
        }
        return UUID.fromString(value);
    }

    /** A UUID parameter, or 400 naming it. */
    static UUID uuid(String value, String name) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw new ProblemException(400, "invalid_input", "Bad Request", name + " must be a UUID.");
        }
        return UUID.fromString(value);
    }

    /** Another agency's creator answers exactly like a missing one. */
    static ProblemException creatorNotFound() {
        return new ProblemException(404, "creator_not_found", "Not Found", "No such creator in this agency.");
    }
}
