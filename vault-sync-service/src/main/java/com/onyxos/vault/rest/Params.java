package com.onyxos.vault.rest;

import com.onyxos.common.problem.ProblemException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses path and query values ourselves, so a malformed one answers a 400 problem naming the parameter (JAX-RS
 * would answer 404 for a path or query value it cannot convert).
 */
final class Params {

    // UUID.fromString alone accepts short forms such as "1-2-3-4-5"; ids are always the canonical 36 characters.
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    private Params() {}

    /** The UUID in {@code value}; a 400 problem naming {@code name} when it is not one. */
    static UUID uuid(String value, String name) {
        if (value == null || !CANONICAL_UUID.matcher(value.trim()).matches()) {
            throw invalid(name + " must be a UUID.");
        }
        return UUID.fromString(value.trim());
    }

    /** Like {@link #uuid}, but null or blank means no value. */
    static UUID optionalUuid(String value, String name) {
        return blank(value) ? null : uuid(value, name);
    }

    /** The integer in {@code value} between {@code min} and {@code max}, {@code fallback} when absent. */
    static int integer(String value, String name, int min, int max, int fallback) {
        if (blank(value)) {
            return fallback;
        }
        if (!INTEGER.matcher(value.trim()).matches()) {
            throw invalid(name + " must be an integer from " + min + " to " + max + ".");
        }
        int parsed = Integer.parseInt(value.trim());
        if (parsed < min || parsed > max) {
            throw invalid(name + " must be an integer from " + min + " to " + max + ".");
        }
        return parsed;
    }

    /** {@code value} trimmed, null when blank; a 400 problem when longer than {@code maxLength}. */
    static String text(String value, String name, int maxLength) {
        if (blank(value)) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw invalid(name + " must be at most " + maxLength + " characters.");
        }
        return trimmed;
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid_input", "Bad Request", detail);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
