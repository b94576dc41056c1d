package com.onyxos.simulator;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onyxos.simulator.api.ApiRoute;
import com.onyxos.simulator.api.ApiRoutes;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every served endpoint, self and creator variant, answers the fields and types fanvue-api.md documents. */
class EndpointShapeTest {
    static final Map<String, String> FAN = Map.of(
            "uuid",
            "string",
            "handle",
            "string",
            "displayName",
            "string",
            "nickname",
            "string|null",
            "isTopSpender",
            "boolean",
            "avatarUrl",
            "string|null",
            "registeredAt",
            "date-time");
    static final Map<String, String> PROFILE = Map.of(
            "uuid",
            "string",
            "email",
            "string",
            "handle",
            "string",
            "displayName",
            "string",
            "isCreator",
            "boolean",
            "createdAt",
            "date-time");

    /** Template (without the creator prefix) to pagination style and item (or body) shape. */
    static final Map<String, Spec> SPECS = Map.ofEntries(
            entry(
                    "/users/me",
                    Spec.object(merge(
                            PROFILE,
                            Map.of(
                                    "likesCount",
                                    "number",
                                    "fanCounts.followersCount",
                                    "number",
                                    "fanCounts.subscribersCount",
                                    "number",
                                    "contentCounts.imageCount",
                                    "number",
                                    "contentCounts.videoCount",
                                    "number",
                                    "contentCounts.audioCount",
                                    "number",
                                    "contentCounts.postCount",
                                    "number",
                                    "contentCounts.payToViewPostCount",
                                    "number")))),
            entry(
                    "/users/account",
                    Spec.object(merge(
                            PROFILE,
                            Map.of(
                                    "account.status",
                                    "string",
                                    "account.earnings.total",
                                    "number",
                                    "account.earnings.availableBalance",
                                    "number",
                                    "account.earnings.lastPayoutAt",
                                    "date-time|null",
                                    "account.fans.followers",
                                    "number",
                                    "account.fans.subscribers",
                                    "number")))),
            entry("/creators", Spec.page(merge(FAN, Map.of("role", "string|null")))),
            entry(
                    "/vault/folders",
                    Spec.page(Map.of("name", "string", "createdAt", "date-time|null", "mediaCount", "number"))),
            entry(
                    "/vault/folders/{folderName}/media",
                    Spec.page(Map.of(
                            "uuid", "string", "name", "string|null", "createdAt", "date-time", "mediaType", "string"))),
            entry("/media", Spec.page(Media.SHAPE)),
            entry("/media/{uuid}", Spec.object(merge(Media.SHAPE, Map.of("variants", "array")))),
            entry(
                    "/insights/earnings",
                    Spec.cursor(Map.of(
                            "date",
                            "date-time",
                            "gross",
                            "number",
                            "net",
                            "number",
                            "currency",
                            "string|null",
                            "source",
                            "string",
                            "user",
                            "object|null",
                            "transactionOrderId",
                            "string",
                            "transactionOrderStatus",
                            "string"))),
            entry(
                    "/insights/earnings/summary",
                    Spec.object(Map.of(
                            "totals.allTime.gross",
                            "number",
                            "totals.allTime.net",
                            "number",
                            "totals.thisMonth.gross",
                            "number",
                            "totals.thisMonth.net",
                            "number",
                            "breakdownBySource",
                            "object",
                            "overTime",
                            "array"))),
            entry(
                    "/insights/subscribers",
                    Spec.cursor(Map.of(
                            "date",
                            "date-time",
                            "total",
                            "number",
                            "newSubscribersCount",
                            "number",
                            "cancelledSubscribersCount",
                            "number"))),
            entry(
                    "/insights/top-spenders",
                    Spec.page(Map.of(
                            "gross",
                            "number",
                            "net",
                            "number",
                            "messages",
                            "number",
                            "user.uuid",
                            "string",
                            "user.handle",
                            "string",
                            "user.isTopSpender",
                            "boolean"))),
            entry(
                    "/agencies/earnings",
                    Spec.page(Map.of(
                            "creatorUuid",
                            "string",
                            "date",
                            "date",
                            "gross",
                            "number",
                            "net",
                            "number",
                            "currency",
                            "string|null"))),
            entry(
                    "/agencies/subscribers-history",
                    Spec.page(Map.of(
                            "creatorUuid",
                            "string",
                            "date",
                            "date",
                            "newSubscribersCount",
                            "number",
                            "cancelledSubscribersCount",
                            "number",
                            "total",
                            "number"))),
            entry("/subscribers", Spec.page(FAN)),
            entry("/followers", Spec.page(FAN)),
            entry(
                    "/chats/unread",
                    Spec.object(Map.of(
                            "unreadChatsCount",
                            "number",
                            "unreadMessagesCount",
                            "number",
                            "unreadNotifications",
                            "object"))),
            entry(
                    "/chats",
                    Spec.page(Map.of(
                            "createdAt",
                            "date-time",
                            "lastMessageAt",
                            "date-time|null",
                            "isRead",
                            "boolean",
                            "isMuted",
                            "boolean",
                            "unreadMessagesCount",
                            "number",
                            "user.uuid",
                            "string",
                            "user.handle",
                            "string",
                            "lastMessage",
                            "object|null"))),
            entry(
                    "/chats/{userUuid}/messages",
                    Spec.page(Map.ofEntries(
                            entry("uuid", "string"),
                            entry("text", "string"),
                            entry("sentAt", "date-time"),
                            entry("sender.uuid", "string"),
                            entry("sender.handle", "string"),
                            entry("recipient.uuid", "string"),
                            entry("recipient.handle", "string"),
                            entry("hasMedia", "boolean"),
                            entry("mediaType", "string|null"),
                            entry("mediaUuids", "array"),
                            entry("price", "number|null"),
                            entry("purchasedAt", "date-time|null"),
                            entry("type", "string")))),
            entry(
                    "/tracking-links",
                    Spec.cursor(Map.of(
                            "uuid",
                            "string",
                            "name",
                            "string",
                            "linkUrl",
                            "string",
                            "externalSocialPlatform",
                            "string|null",
                            "createdAt",
                            "date-time",
                            "clicks",
                            "number",
                            "engagement.acquiredSubscribers",
                            "number",
                            "engagement.acquiredFollowers",
                            "number",
                            "engagement.totalSubscribers",
                            "number",
                            "earnings",
                            "object|null"))),
            entry(
                    "/posts",
                    Spec.page(Map.of(
                            "uuid",
                            "string",
                            "createdAt",
                            "date-time",
                            "text",
                            "string|null",
                            "price",
                            "number|null",
                            "audience",
                            "string",
                            "mediaUuids",
                            "array",
                            "likesCount",
                            "number",
                            "commentsCount",
                            "number",
                            "tips.count",
                            "number",
                            "tips.totalNet",
                            "number"))));

    static SimFixture fx;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Stream<ApiRoute> routes() {
        return ApiRoutes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("routes")
    void answersTheDocumentedShape(ApiRoute route) throws Exception {
        String creator = fx.creator(0, 0);
        String generic = route.template().startsWith(ApiRoute.CREATOR_PREFIX)
                ? route.template().substring(ApiRoute.CREATOR_PREFIX.length())
                : route.template();
        Spec spec = SPECS.get(generic.equals("/account") ? "/users/account" : generic);
        assertThat(spec).as("a documented shape for " + route.template()).isNotNull();
        boolean asAdmin = route.creatorScoped() || generic.startsWith("/agencies") || generic.equals("/creators");
        String token = fx.fullToken(asAdmin ? fx.admin(0) : creator);
        String fan = fx.sim.world().creator(creator).chats().get(0).fanUuid();
        String media =
                fx.sim.world().creator(creator).media().keySet().iterator().next();
        String path = route.template()
                .replace("{creatorUserUuid}", creator)
                .replace("{folderName}", "Beach")
                .replace("{uuid}", media)
                .replace("{userUuid}", fan);
        Response response = fx.api(token)
                .queryParam(spec.style().equals("cursor") && generic.equals("/tracking-links") ? "limit" : "size", 50)
                .queryParam("startDate", "2026-01-01T00:00:00Z")
                .queryParam("endDate", "2026-12-01T00:00:00Z")
                .queryParam("variants", "main,thumbnail")
                .get(path);
        assertThat(response.statusCode()).as(path + ": " + response.asString()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.asString());
        spec.check(body, path);
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        HashMap<String, String> merged = new HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    /** Media fields common to the list and the single item. */
    static final class Media {
        static final Map<String, String> SHAPE = Map.of(
                "uuid",
                "string",
                "status",
                "string",
                "createdAt",
                "date-time",
                "caption",
                "string|null",
                "description",
                "string|null",
                "name",
                "string|null",
                "mediaType",
                "string",
                "recommendedPrice",
                "number|null",
                "tags",
                "array",
                "variants",
                "array");
    }

    /** A pagination style ({@code page}, {@code cursor} or a plain {@code object}) and the item shape. */
    record Spec(String style, Map<String, String> item) {
        static Spec page(Map<String, String> item) {
            return new Spec("page", item);
        }

        static Spec cursor(Map<String, String> item) {
            return new Spec("cursor", item);
        }

        static Spec object(Map<String, String> item) {
            return new Spec("object", item);
        }

        void check(JsonNode body, String where) {
            if (style.equals("object")) {
                JsonShape.check(body, item, where);
                return;
            }
            assertThat(body.get("data").isArray()).as(where + " data").isTrue();
            assertThat(body.get("data")).as(where + " has items").isNotEmpty();
            if (style.equals("page")) {
                JsonShape.check(
                        body,
                        Map.of(
                                "pagination.page",
                                "number",
                                "pagination.size",
                                "number",
                                "pagination.hasMore",
                                "boolean"),
                        where);
                assertThat(body.size()).isEqualTo(2);
            } else {
                JsonShape.check(body, Map.of("nextCursor", "string|null"), where);
                assertThat(body.size()).isEqualTo(2);
            }
            body.get("data").forEach(node -> JsonShape.check(node, item, where));
        }
    }
}
