package com.onyxos.vault.rest;

import static com.onyxos.vault.VaultFixtures.as;
import static com.onyxos.vault.VaultFixtures.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.VaultFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keyset pagination: every sort walks the whole set once, in a deterministic order, even while rows are added. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class AssetListPaginationTest {

    private static final Instant BASE = Instant.parse("2025-03-01T10:00:00.123456Z");
    private static final int ASSETS = 23;

    private UUID agency;
    private UUID creator;
    private final Map<UUID, Instant> created = new HashMap<>();
    private final Map<UUID, Long> revenue = new HashMap<>();
    private final Map<UUID, BigDecimal> conversion = new HashMap<>();

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        created.clear();
        revenue.clear();
        conversion.clear();
        agency = TestTenants.seed().agencyA();
        creator = TestTenants.creator(agency, UUID.randomUUID(), "alice");
        for (int i = 0; i < ASSETS; i++) {
            // Groups of three share a creation time, and many share revenue and conversion: ties are the point.
            Instant at = BASE.plus(Duration.ofMinutes(i / 3));
            UUID id = asset(agency, creator, "asset-" + i).createdAt(at).insert();
            created.put(id, at);
            long money = i % 5 == 0 ? 0 : (i % 4) * 250L;
            BigDecimal rate = new BigDecimal(i % 3 == 0 ? "0.000000" : i % 3 == 1 ? "0.250000" : "0.500000");
            if (i % 5 != 0) { // every fifth asset has no performance row and counts as 0
                VaultFixtures.performance(
                        agency, id, 4, rate.multiply(BigDecimal.valueOf(4)).longValue(), money, rate.toPlainString());
            } else {
                rate = BigDecimal.ZERO;
            }
            revenue.put(id, money);
            conversion.put(id, rate);
        }
    }

    @Test
    void createdSortWalksEveryAssetOnceNewestFirstTiesByIdDescending() {
        assertThat(walk("created", 5)).containsExactlyElementsOf(expected(created::get));
    }

    @Test
    void revenueSortWalksEveryAssetOnceHighestFirstTiesByIdDescending() {
        assertThat(walk("revenue", 4)).containsExactlyElementsOf(expected(revenue::get));
    }

    @Test
    void conversionSortWalksEveryAssetOnceHighestFirstTiesByIdDescending() {
        assertThat(walk("conversion", 7)).containsExactlyElementsOf(expected(conversion::get));
    }

    @Test
    void pageSizeOfOneStillSeesEveryAssetOnce() {
        assertThat(walk("revenue", 1)).containsExactlyElementsOf(expected(revenue::get));
    }

    @Test
    void assetsInsertedBetweenPagesNeitherRepeatNorHideOthers() {
        JsonPath first = page("created", 5, null);
        List<String> seen = new ArrayList<>(first.getList("items.id"));
        // One asset sorts before the cursor (newer: not shown), one after it (older: shown on a later page).
        UUID newer = asset(agency, creator, "newer")
                .createdAt(BASE.plus(Duration.ofDays(1)))
                .insert();
        UUID older = asset(agency, creator, "older")
                .createdAt(BASE.minus(Duration.ofDays(1)))
                .insert();
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath next = page("created", 5, cursor);
            seen.addAll(next.getList("items.id"));
            cursor = next.getString("nextCursor");
        }
        assertThat(seen)
                .doesNotHaveDuplicates()
                .doesNotContain(newer.toString())
                .endsWith(older.toString());
        assertThat(seen)
                .containsAll(created.keySet().stream().map(UUID::toString).toList());
        assertThat(seen).hasSize(ASSETS + 1);
    }

    @Test
    void rowsWhoseSortKeyTiesWithTheCursorAreNotSkipped() {
        // asset-0..2 share the oldest creation time: a page boundary inside that group must keep the rest.
        List<String> ids = walk("created", 2);
        assertThat(ids.subList(ASSETS - 3, ASSETS))
                .containsExactlyInAnyOrderElementsOf(created.entrySet().stream()
                        .filter(e -> e.getValue().equals(BASE))
                        .map(e -> e.getKey().toString())
                        .toList());
    }

    @Test
    void theLastPageHasNoCursorEvenWhenItIsExactlyFull() {
        as(TestUsers.AGENCY_MEMBER)
                .queryParam("limit", ASSETS)
                .get("/api/vault/assets")
                .then()
                .statusCode(200)
                .body("items", hasSize(ASSETS))
                .body("nextCursor", nullValue());
        as(TestUsers.AGENCY_MEMBER)
                .queryParam("limit", ASSETS - 1)
                .get("/api/vault/assets")
                .then()
                .body("items", hasSize(ASSETS - 1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void limitDefaultsToFifty() {
        for (int i = 0; i < 30; i++) {
            asset(agency, creator, "more-" + i).insert();
        }
        as(TestUsers.AGENCY_MEMBER)
                .get("/api/vault/assets")
                .then()
                .statusCode(200)
                .body("items", hasSize(50));
    }

    @Test
    void aCursorOfAnotherSortIsRejected() {
        String cursor = page("created", 5, null).getString("nextCursor");
        as(TestUsers.AGENCY_MEMBER)
                .queryParam("sort", "revenue")
                .queryParam("cursor", cursor)
                .get("/api/vault/assets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_cursor"));
    }

    private List<String> walk(String sort, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = page(sort, limit, cursor);
            List<String> items = page.getList("items.id");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            ids.addAll(items);
            cursor = page.getString("nextCursor");
            assertThat(++pages).isLessThanOrEqualTo(ASSETS + 1);
        } while (cursor != null);
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        return ids;
    }

    private static JsonPath page(String sort, int limit, String cursor) {
        var request = as(TestUsers.AGENCY_MEMBER).queryParam("sort", sort).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/vault/assets").then().statusCode(200).extract().jsonPath();
    }

    /** All seeded ids by {@code key} descending, then id descending as PostgreSQL orders uuids (bytewise). */
    private <K extends Comparable<K>> List<String> expected(Function<UUID, K> key) {
        Comparator<UUID> byKey = Comparator.comparing(key);
        Comparator<UUID> byId = Comparator.comparing(UUID::toString);
        return created.keySet().stream()
                .sorted(byKey.reversed().thenComparing(byId.reversed()))
                .map(UUID::toString)
                .toList();
    }
}
