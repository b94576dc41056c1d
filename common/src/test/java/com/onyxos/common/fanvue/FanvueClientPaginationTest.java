package com.onyxos.common.fanvue;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.onyxos.common.fanvue.model.Earning;
import com.onyxos.common.fanvue.model.FolderMedia;
import com.onyxos.common.fanvue.model.TrackingLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both pagination styles as Multis, with the parameter names each endpoint uses, and the endless-listing guards. */
class FanvueClientPaginationTest extends WireMockFanvueTest {

    private static String mediaPage(int page, boolean hasMore, String... uuids) {
        StringBuilder data = new StringBuilder();
        for (String uuid : uuids) {
            data.append(data.length() == 0 ? "" : ",")
                    .append("{\"uuid\":\"")
                    .append(uuid)
                    .append("\",\"name\":null,\"createdAt\":\"2025-06-01\",\"mediaType\":\"hologram\"}");
        }
        return "{\"data\":[" + data + "],\"pagination\":{\"page\":" + page + ",\"size\":50,\"hasMore\":" + hasMore
                + "}}";
    }

    private void folderPage(int page, String body) {
        fanvue.stubFor(get(urlPathEqualTo("/vault/folders/Summer%20Set%2F2025/media"))
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .withQueryParam("size", equalTo("50"))
                .willReturn(okJson(body)));
    }

    @Test
    void pageStyleWalksEveryPageUntilHasMoreIsFalse() {
        folderPage(1, mediaPage(1, true, "m1", "m2"));
        folderPage(2, mediaPage(2, true, "m3"));
        folderPage(3, mediaPage(3, false, "m4"));

        List<FolderMedia> media = fixture.api("t")
                .self()
                .folderMedia("Summer Set/2025")
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(media).extracting(FolderMedia::uuid).containsExactly("m1", "m2", "m3", "m4");
        assertThat(media.get(0).name()).isNull();
        assertThat(media.get(0).mediaType()).isEqualTo("hologram");
        assertThat(media.get(0).createdAt()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        fanvue.verify(3, getRequestedFor(urlPathMatching("/vault/folders/.*/media")));
    }

    @Test
    void theNextPageIsFetchedOnlyWhenTheConsumerAsksForMore() {
        folderPage(1, mediaPage(1, true, "m1", "m2"));
        folderPage(2, mediaPage(2, false, "m3"));

        List<FolderMedia> first = fixture.api("t")
                .self()
                .folderMedia("Summer Set/2025")
                .select()
                .first(2)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(first).hasSize(2);
        fanvue.verify(1, getRequestedFor(urlPathMatching("/vault/folders/.*/media")));
    }

    @Test
    void emptyPagesThatKeepAnnouncingMoreEndInAnError() {
        fanvue.stubFor(get(urlPathMatching("/vault/folders/.*/media")).willReturn(okJson(mediaPage(1, true))));

        FanvueException.EndlessPagination error =
                catchThrowableOfType(FanvueException.EndlessPagination.class, () -> fixture.api("t")
                        .self()
                        .folderMedia("Summer Set/2025")
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(10)));

        assertThat(error.getMessage()).contains("3 empty pages in a row");
        fanvue.verify(3, getRequestedFor(urlPathMatching("/vault/folders/.*/media")));
    }

    @Test
    void aListingStopsAtTheMaximumNumberOfPages() {
        fanvue.stubFor(get(urlPathMatching("/vault/folders/.*/media")).willReturn(okJson(mediaPage(1, true, "m"))));

        FanvueException.EndlessPagination error =
                catchThrowableOfType(FanvueException.EndlessPagination.class, () -> fixture.api("t")
                        .self()
                        .folderMedia("x")
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(30)));

        assertThat(error.getMessage()).contains("more than 100 pages");
        fanvue.verify(100, getRequestedFor(urlPathMatching("/vault/folders/.*/media")));
    }

    @Test
    void cursorStyleFollowsNextCursorWithSizeForInsights() {
        String row = "{\"date\":\"%s\",\"gross\":%d,\"net\":%d,\"currency\":null,\"source\":\"%s\","
                + "\"user\":null,\"transactionOrderId\":\"o-%d\",\"transactionOrderStatus\":\"brand-new\"}";
        fanvue.stubFor(get(urlPathEqualTo("/creators/c-1/insights/earnings"))
                .withQueryParam("cursor", absent())
                .withQueryParam("size", equalTo("50"))
                .withQueryParam("source", equalTo("tip,message"))
                .withQueryParam("startDate", equalTo("2025-01-01T00:00:00Z"))
                .willReturn(okJson("{\"data\":[" + row.formatted("2025-06-01T10:00:00Z", 500, 400, "tip", 1)
                        + "],\"nextCursor\":\"abc\"}")));
        fanvue.stubFor(get(urlPathEqualTo("/creators/c-1/insights/earnings"))
                .withQueryParam("cursor", equalTo("abc"))
                .willReturn(okJson("{\"data\":[" + row.formatted("2025-06-02", -500, -400, "chargeback", 2)
                        + "],\"nextCursor\":null}")));

        List<Earning> earnings = fixture.api("t")
                .creator("c-1")
                .earnings(new DateRange(Instant.parse("2025-01-01T00:00:00Z"), null), List.of("tip", "message"))
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(earnings).extracting(Earning::transactionOrderId).containsExactly("o-1", "o-2");
        assertThat(earnings.get(1).gross()).isEqualTo(-500);
        assertThat(earnings.get(1).source()).isEqualTo("chargeback");
        assertThat(earnings.get(0).transactionOrderStatus()).isEqualTo("brand-new");
    }

    @Test
    void trackingLinksPageWithLimitNotSize() {
        fanvue.stubFor(get(urlPathEqualTo("/tracking-links"))
                .withQueryParam("limit", equalTo("50"))
                .withQueryParam("size", absent())
                .willReturn(okJson("{\"data\":[{\"uuid\":\"l-1\",\"name\":\"bio\",\"clicks\":12,"
                        + "\"earnings\":null,\"createdAt\":\"2025-03-01T00:00:00Z\"}],\"nextCursor\":null}")));

        List<TrackingLink> links = fixture.api("t")
                .self()
                .trackingLinks(null, null)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.clicks()).isEqualTo(12);
            assertThat(link.earnings()).isNull();
        });
    }

    @Test
    void aCursorThatRepeatsEndsInAnError() {
        fanvue.stubFor(get(urlPathEqualTo("/tracking-links"))
                .willReturn(okJson("{\"data\":[{\"uuid\":\"l-1\"}],\"nextCursor\":\"same\"}")));

        FanvueException.EndlessPagination error =
                catchThrowableOfType(FanvueException.EndlessPagination.class, () -> fixture.api("t")
                        .self()
                        .trackingLinks(null, null)
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(10)));

        assertThat(error.getMessage()).contains("cursor repeats");
    }

    @Test
    void aPageWithoutPaginationOrARowWithoutItsIdIsMalformed() {
        fanvue.stubFor(get(urlPathMatching("/vault/folders/.*/media"))
                .willReturn(okJson("{\"data\":[{\"name\":\"no uuid\"}],\"pagination\":{\"hasMore\":false}}")));

        FanvueException.MalformedResponse error =
                catchThrowableOfType(FanvueException.MalformedResponse.class, () -> fixture.api("t")
                        .self()
                        .folderMedia("x")
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(10)));

        assertThat(error.getMessage()).contains("without its identifier");
    }

    @Test
    void agencyQueriesSplitLongCreatorListsIntoFifties() {
        fanvue.stubFor(get(urlPathEqualTo("/agencies/earnings"))
                .willReturn(okJson("{\"data\":[{\"creatorUuid\":\"c\",\"date\":\"2025-06-01T00:00:00Z\","
                        + "\"gross\":1,\"net\":1,\"currency\":\"USD\"}],\"pagination\":{\"page\":1,\"size\":50,"
                        + "\"hasMore\":false}}")));
        List<String> creators =
                java.util.stream.IntStream.range(0, 120).mapToObj(i -> "c" + i).toList();

        List<com.onyxos.common.fanvue.model.AgencyEarning> rows = fixture.api("t")
                .agency()
                .earnings(
                        new DateRange(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z")),
                        creators)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).date()).isEqualTo(java.time.LocalDate.parse("2025-06-01"));
        fanvue.verify(3, getRequestedFor(urlPathEqualTo("/agencies/earnings")));
        fanvue.getAllServeEvents().forEach(event -> assertThat(event.getRequest()
                        .queryParameter("creatorUuids")
                        .firstValue()
                        .split(","))
                .hasSizeLessThanOrEqualTo(50));
    }
}
