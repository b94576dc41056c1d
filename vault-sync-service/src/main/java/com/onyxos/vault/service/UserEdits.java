package com.onyxos.vault.service;

import com.onyxos.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for what a user may write on an asset. Tags: trimmed, lower-case, deduplicated (first spelling's order
 * kept), each 1–50 characters without control characters, at most 50. Content type: a slug of lower-case letters,
 * digits, '-' and '_', starting with a letter or digit, 1–32 characters (ppv, free, teaser, custom, bundle...); an
 * open set, because agencies label their content their own way.
 */
public final class UserEdits {

    /** Most tags an asset may carry. */
    public static final int MAX_TAGS = 50;

    /** Longest tag, in characters. */
    public static final int MAX_TAG_LENGTH = 50;

    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private UserEdits() {}

    /** The normalised tags; a 400 problem when one is blank, too long or has control characters, or too many. */
    public static List<String> tags(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            String normalised = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (normalised.isEmpty()
                    || normalised.length() > MAX_TAG_LENGTH
                    || CONTROL.matcher(normalised).find()) {
                throw invalid("tags: each tag must be 1 to " + MAX_TAG_LENGTH
                        + " characters after trimming, without control characters.");
            }
            tags.add(normalised);
        }
        if (tags.size() > MAX_TAGS) {
            throw invalid("tags: at most " + MAX_TAGS + " distinct tags.");
        }
        return new ArrayList<>(tags);
    }

    /** The normalised content type (trimmed, lower-case); a 400 problem when it is not a slug. */
    public static String contentType(String raw) {
        String normalised = raw.strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPE.matcher(normalised).matches()) {
            throw invalid("contentType must be 1 to 32 lower-case letters, digits, '-' or '_' (ppv, free, teaser...).");
        }
        return normalised;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid_input", "Bad Request", detail);
    }
}
