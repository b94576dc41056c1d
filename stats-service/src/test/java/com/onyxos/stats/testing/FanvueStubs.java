package com.onyxos.stats.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.onyxos.stats.domain.StatField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fanvue answers built from the figures a test chose (the truth), and the faults that can replace or damage them,
 * registered on {@link WireMockFanvue}. One endpoint per call the stats reader makes.
 */
public final class FanvueStubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an endpoint answers instead of (or how it damages) its good answer. */
    public enum FaultKind {
        NONE(false),
        ERROR_500(true),
        ERROR_503(true),
        TIMEOUT(true),
        RESET(true),
        EMPTY_BODY(true),
        EMPTY_OBJECT(true),
        EMPTY_ARRAY(true),
        TRUNCATED(true),
        WRONG_TYPE(true),
        RATE_LIMITED(true),
        MISSING_FIELD(false),
        NULL_FIELD(false);

        /** Whether the fault spoils the whole answer (every figure of the endpoint), not one field. */
        public final boolean wholeAnswer;

        FaultKind(boolean wholeAnswer) {
            this.wholeAnswer = wholeAnswer;
        }
    }

    /** The endpoints the stats reader calls, and which figures each carries. */
    public enum Endpoint {
        ACCOUNT(List.of(StatField.AVAILABLE_BALANCE, StatField.FOLLOWERS, StatField.SUBSCRIBERS)),
        SUMMARY(List.of(StatField.REVENUE_TOTAL, StatField.REVENUE_NET_TOTAL)),
        POSTS(List.of(StatField.POSTS, StatField.LIKES)),
        MEDIA(List.of(StatField.IMAGES, StatField.VIDEOS, StatField.AUDIOS)),
        CHATS(List.of(StatField.UNREAD_CHATS, StatField.UNREAD_MESSAGES)),
        SELF_ME(List.of(
                StatField.FOLLOWERS,
                StatField.SUBSCRIBERS,
                StatField.LIKES,
                StatField.POSTS,
                StatField.IMAGES,
                StatField.VIDEOS,
                StatField.AUDIOS)),
        SELF_ACCOUNT(List.of(StatField.AVAILABLE_BALANCE)),
        SELF_SUMMARY(List.of(StatField.REVENUE_TOTAL, StatField.REVENUE_NET_TOTAL)),
        SELF_UNREAD(List.of(StatField.UNREAD_CHATS, StatField.UNREAD_MESSAGES));

        public final List<StatField> fields;

        Endpoint(List<StatField> fields) {
            this.fields = fields;
        }

        public static final List<Endpoint> MANAGED = List.of(ACCOUNT, SUMMARY, POSTS, MEDIA, CHATS);
        public static final List<Endpoint> SELF = List.of(SELF_ME, SELF_ACCOUNT, SELF_SUMMARY, SELF_UNREAD);
    }

    private FanvueStubs() {}

    /**
     * Registers the answer of {@code endpoint} for the creator {@code fanvueUuid} with figures {@code truth},
     * damaged by {@code fault} (field-level faults hit {@code target}); answers the figures the fault spoils.
     */
    public static List<StatField> stub(
            WireMock admin,
            Endpoint endpoint,
            String fanvueUuid,
            Map<StatField, Long> truth,
            FaultKind fault,
            StatField target) {
        Map<String, Object> body = body(endpoint, fanvueUuid, truth);
        List<StatField> spoiled = new ArrayList<>();
        ResponseDefinitionBuilder response;
        if (fault.wholeAnswer) {
            spoiled.addAll(endpoint.fields);
            response = whole(fault, body, endpoint, target);
        } else {
            if (fault != FaultKind.NONE) {
                spoiled.addAll(damage(endpoint, body, fault, target));
            }
            response = ok(write(body));
        }
        admin.register(get(urlPathEqualTo(path(endpoint, fanvueUuid))).willReturn(response));
        return spoiled;
    }

    /** The good answer of {@code endpoint} for {@code fanvueUuid} with figures {@code truth}, to import in bulk. */
    public static MappingBuilder truthful(Endpoint endpoint, String fanvueUuid, Map<StatField, Long> truth) {
        return get(urlPathEqualTo(path(endpoint, fanvueUuid))).willReturn(ok(write(body(endpoint, fanvueUuid, truth))));
    }

    /** The agency's creator listing: one page of these creators. */
    public static MappingBuilder creatorListing(List<String> fanvueUuids) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (String uuid : fanvueUuids) {
            data.add(map(
                    "uuid",
                    uuid,
                    "handle",
                    "creator-" + uuid.substring(0, 8),
                    "displayName",
                    "Creator " + uuid.substring(0, 4),
                    "role",
                    "creator"));
        }
        return get(urlPathEqualTo("/creators"))
                .willReturn(ok(write(map("data", data, "pagination", map("page", 1, "size", 50, "hasMore", false)))));
    }

    /** Which fields a field-level fault may target at this endpoint. */
    public static List<StatField> fieldTargets(Endpoint endpoint, Map<StatField, Long> truth) {
        return switch (endpoint) {
            case POSTS -> truth.get(StatField.POSTS) > 0 ? List.of(StatField.LIKES) : List.of();
            case MEDIA ->
                truth.get(StatField.IMAGES) + truth.get(StatField.VIDEOS) + truth.get(StatField.AUDIOS) > 0
                        ? List.of(StatField.IMAGES)
                        : List.of();
            case CHATS -> truth.get(StatField.UNREAD_CHATS) > 0 ? List.of(StatField.UNREAD_MESSAGES) : List.of();
            default -> endpoint.fields;
        };
    }

    /** The path the stats reader calls for this endpoint of this creator. */
    public static String path(Endpoint endpoint, String uuid) {
        String prefix = "/creators/" + uuid;
        return switch (endpoint) {
            case ACCOUNT -> prefix + "/account";
            case SUMMARY -> prefix + "/insights/earnings/summary";
            case POSTS -> prefix + "/posts";
            case MEDIA -> prefix + "/media";
            case CHATS -> prefix + "/chats";
            case SELF_ME -> "/users/me";
            case SELF_ACCOUNT -> "/users/account";
            case SELF_SUMMARY -> "/insights/earnings/summary";
            case SELF_UNREAD -> "/chats/unread";
        };
    }

    private static Map<String, Object> body(Endpoint endpoint, String uuid, Map<StatField, Long> t) {
        return switch (endpoint) {
            case ACCOUNT, SELF_ACCOUNT ->
                map(
                        "uuid",
                        uuid,
                        "handle",
                        "creator-" + uuid.substring(0, 8),
                        "displayName",
                        "Creator",
                        "account",
                        map(
                                "status", "active",
                                "earnings",
                                        map(
                                                "total",
                                                t.get(StatField.REVENUE_NET_TOTAL),
                                                "availableBalance",
                                                t.get(StatField.AVAILABLE_BALANCE)),
                                "fans",
                                        map(
                                                "followers",
                                                t.get(StatField.FOLLOWERS),
                                                "subscribers",
                                                t.get(StatField.SUBSCRIBERS))));
            case SUMMARY, SELF_SUMMARY ->
                map(
                        "totals",
                                map(
                                        "allTime",
                                                map(
                                                        "gross",
                                                        t.get(StatField.REVENUE_TOTAL),
                                                        "net",
                                                        t.get(StatField.REVENUE_NET_TOTAL)),
                                        "thisMonth", map("gross", 0, "net", 0)),
                        "breakdownBySource", map(),
                        "overTime", List.of());
            case POSTS ->
                page(split(
                        t.get(StatField.POSTS),
                        t.get(StatField.LIKES),
                        (i, likes) -> map(
                                "uuid",
                                UUID.nameUUIDFromBytes((uuid + "post" + i).getBytes())
                                        .toString(),
                                "createdAt",
                                "2026-01-01T00:00:00Z",
                                "likesCount",
                                likes)));
            case MEDIA -> page(media(uuid, t));
            case CHATS ->
                page(split(
                        t.get(StatField.UNREAD_CHATS),
                        t.get(StatField.UNREAD_MESSAGES),
                        (i, m) -> map(
                                "user",
                                map(
                                        "uuid",
                                        UUID.nameUUIDFromBytes((uuid + "fan" + i).getBytes())
                                                .toString(),
                                        "handle",
                                        "fan" + i),
                                "isRead",
                                false,
                                "unreadMessagesCount",
                                m)));
            case SELF_ME ->
                map(
                        "uuid",
                        uuid,
                        "handle",
                        "self-" + uuid.substring(0, 8),
                        "displayName",
                        "Self",
                        "isCreator",
                        true,
                        "likesCount",
                        t.get(StatField.LIKES),
                        "fanCounts",
                        map(
                                "followersCount",
                                t.get(StatField.FOLLOWERS),
                                "subscribersCount",
                                t.get(StatField.SUBSCRIBERS)),
                        "contentCounts",
                        map(
                                "imageCount", t.get(StatField.IMAGES),
                                "videoCount", t.get(StatField.VIDEOS),
                                "audioCount", t.get(StatField.AUDIOS),
                                "postCount", t.get(StatField.POSTS),
                                "payToViewPostCount", 0));
            case SELF_UNREAD ->
                map(
                        "unreadChatsCount", t.get(StatField.UNREAD_CHATS),
                        "unreadMessagesCount", t.get(StatField.UNREAD_MESSAGES),
                        "unreadNotifications", map());
        };
    }

    /** The JSON keys, from the answer's root, of the field a field-level fault hits. */
    private static List<Object> keyPath(Endpoint endpoint, StatField target) {
        return switch (endpoint) {
            case ACCOUNT, SELF_ACCOUNT ->
                switch (target) {
                    case AVAILABLE_BALANCE -> List.of("account", "earnings", "availableBalance");
                    case FOLLOWERS -> List.of("account", "fans", "followers");
                    default -> List.of("account", "fans", "subscribers");
                };
            case SUMMARY, SELF_SUMMARY ->
                List.of("totals", "allTime", target == StatField.REVENUE_TOTAL ? "gross" : "net");
            case POSTS -> List.of("data", 0, "likesCount");
            case MEDIA -> List.of("data", 0, "mediaType");
            case CHATS -> List.of("data", 0, "unreadMessagesCount");
            case SELF_ME ->
                switch (target) {
                    case FOLLOWERS -> List.of("fanCounts", "followersCount");
                    case SUBSCRIBERS -> List.of("fanCounts", "subscribersCount");
                    case LIKES -> List.of("likesCount");
                    case POSTS -> List.of("contentCounts", "postCount");
                    case IMAGES -> List.of("contentCounts", "imageCount");
                    case VIDEOS -> List.of("contentCounts", "videoCount");
                    default -> List.of("contentCounts", "audioCount");
                };
            case SELF_UNREAD -> List.of(target == StatField.UNREAD_CHATS ? "unreadChatsCount" : "unreadMessagesCount");
        };
    }

    /** Removes or nulls the target field; answers the figures that depend on it. */
    @SuppressWarnings("unchecked")
    private static List<StatField> damage(
            Endpoint endpoint, Map<String, Object> body, FaultKind fault, StatField target) {
        List<Object> keys = keyPath(endpoint, target);
        Object parent = body;
        for (Object key : keys.subList(0, keys.size() - 1)) {
            parent = key instanceof Integer index
                    ? ((List<Object>) parent).get(index)
                    : ((Map<String, Object>) parent).get(key);
        }
        Map<String, Object> holder = (Map<String, Object>) parent;
        String last = (String) keys.get(keys.size() - 1);
        if (fault == FaultKind.MISSING_FIELD) {
            holder.remove(last);
        } else {
            holder.put(last, null);
        }
        return endpoint == Endpoint.MEDIA
                ? List.of(StatField.IMAGES, StatField.VIDEOS, StatField.AUDIOS)
                : List.of(target);
    }

    @SuppressWarnings("unchecked")
    private static ResponseDefinitionBuilder whole(
            FaultKind fault, Map<String, Object> body, Endpoint endpoint, StatField target) {
        return switch (fault) {
            case ERROR_500 -> aResponse().withStatus(500).withBody("{\"error\":\"Internal Server Error\"}");
            case ERROR_503 -> aResponse().withStatus(503).withBody("");
            case TIMEOUT -> ok(write(body)).withFixedDelay(1500);
            case RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_BODY -> aResponse().withStatus(200).withHeader("Content-Type", "application/json");
            case EMPTY_OBJECT -> ok("{}");
            case EMPTY_ARRAY -> ok("[]");
            case TRUNCATED -> {
                String full = write(body);
                yield ok(full.substring(0, full.length() / 2));
            }
            case WRONG_TYPE -> {
                List<Object> keys = numericKeyPath(endpoint, target);
                Object parent = body;
                for (Object key : keys.subList(0, keys.size() - 1)) {
                    parent = key instanceof Integer index
                            ? ((List<Object>) parent).get(index)
                            : ((Map<String, Object>) parent).get(key);
                }
                Object[] wrong = {"abc", 12.5, true, map("value", 1), List.of(1)};
                ((Map<String, Object>) parent)
                        .put((String) keys.get(keys.size() - 1), wrong[target.ordinal() % wrong.length]);
                yield ok(write(body));
            }
            case RATE_LIMITED ->
                aResponse()
                        .withStatus(429)
                        // A 429 all the same (the figure must be kept), but one that does not hold the client's
                        // bucket: with "1" every 429 of the campaign stalled the calls after it for a second.
                        .withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Too Many Requests\"}");
            default -> throw new IllegalArgumentException(fault.name());
        };
    }

    /** A numeric field of the answer to give a wrong type (page answers: the first row's count). */
    private static List<Object> numericKeyPath(Endpoint endpoint, StatField target) {
        return switch (endpoint) {
            case POSTS -> List.of("pagination", "page");
            case MEDIA -> List.of("pagination", "size");
            case CHATS -> List.of("pagination", "page");
            default -> keyPath(endpoint, target);
        };
    }

    private static List<Map<String, Object>> media(String uuid, Map<StatField, Long> t) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] types = {"image", "video", "audio"};
        StatField[] fields = {StatField.IMAGES, StatField.VIDEOS, StatField.AUDIOS};
        for (int kind = 0; kind < types.length; kind++) {
            for (int i = 0; i < t.get(fields[kind]); i++) {
                rows.add(map(
                        "uuid",
                        UUID.nameUUIDFromBytes((uuid + types[kind] + i).getBytes())
                                .toString(),
                        "status",
                        "ready",
                        "createdAt",
                        "2026-01-01T00:00:00Z",
                        "mediaType",
                        types[kind]));
            }
        }
        return rows;
    }

    /** {@code count} rows sharing {@code total} (the first takes the remainder). */
    private static List<Map<String, Object>> split(
            long count, long total, java.util.function.BiFunction<Integer, Long, Map<String, Object>> row) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long share = total / count + (i == 0 ? total % count : 0);
            rows.add(row.apply(i, share));
        }
        return rows;
    }

    private static Map<String, Object> page(List<Map<String, Object>> data) {
        return map("data", data, "pagination", map("page", 1, "size", 50, "hasMore", false));
    }

    static ResponseDefinitionBuilder ok(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
