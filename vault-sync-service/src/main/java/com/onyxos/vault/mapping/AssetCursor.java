package com.onyxos.vault.mapping;

import com.onyxos.common.problem.ProblemException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position in the asset library: the sort it belongs to, the last item's sort key and its id. Clients see
 * it as an opaque base64url token; one from another sort, or tampered with, is a 400 problem.
 *
 * @param sort the order the cursor was issued for
 * @param key the last item's sort key: an OffsetDateTime (created), Long (revenue) or BigDecimal (conversion)
 * @param id the last item's id
 */
public record AssetCursor(AssetSort sort, Object key, UUID id) {

    private static final String VERSION = "v1";

    /** The opaque token for this position. */
    public String encode() {
        String key =
                switch (sort) {
                    case CREATED -> ((OffsetDateTime) this.key).toInstant().toString();
                    case REVENUE -> Long.toString((Long) this.key);
                    case CONVERSION -> ((BigDecimal) this.key).toPlainString();
                };
        String plain = String.join("|", VERSION, sort.apiName(), key, id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position {@code token} names for {@code sort}; null for no token; a 400 problem for a bad one. */
    public static AssetCursor decode(String token, AssetSort sort) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4
                    || !VERSION.equals(parts[0])
                    || !sort.apiName().equals(parts[1])) {
                throw invalid();
            }
            return new AssetCursor(sort, parseKey(sort, parts[2]), UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid();
        }
    }

    private static Object parseKey(AssetSort sort, String key) {
        return switch (sort) {
            case CREATED -> Instant.parse(key).atOffset(ZoneOffset.UTC);
            case REVENUE -> Long.parseLong(key);
            case CONVERSION -> new BigDecimal(key);
        };
    }

    private static ProblemException invalid() {
        return new ProblemException(
                400,
                "invalid_cursor",
                "Bad Request",
                "cursor is not a cursor this listing issued for this sort; start again without it.");
    }
}
