package com.onyxos.common.fanvue;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.onyxos.common.fanvue.model.ChatPage;
import com.onyxos.common.fanvue.model.EarningsSummary;
import com.onyxos.common.fanvue.model.UnreadCounts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Figures are decoded as Fanvue sent them or not at all: a missing count stays null (never 0), an empty answer and
 * a number of the wrong JSON type make the answer malformed instead of being read as a figure.
 */
class FanvueFiguresDecodingTest extends WireMockFanvueTest {

    /** One attempt per call and a breaker that stays closed: each answer is judged on its own. */
    @BeforeEach
    void oneAttemptEach() {
        fixture.close();
        fixture = new ClientFixture(
                fanvue.baseUrl(),
                ClientFixture.settings(fanvue.baseUrl())
                        .with(
                                Duration.ofMillis(500),
                                new FanvueClientSettings.Retry(
                                        1, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(1), 1),
                                new FanvueClientSettings.Pagination(100, 3),
                                new FanvueClientSettings.Breaker(1000, 0.5, Duration.ofSeconds(30))));
    }

    private UnreadCounts unread(String body) {
        fanvue.stubFor(get("/chats/unread").willReturn(okJson(body)));
        return fixture.api("token-0").unreadChats().await().atMost(Duration.ofSeconds(10));
    }

    private EarningsSummary summary(String body) {
        fanvue.stubFor(get(urlPathEqualTo("/insights/earnings/summary")).willReturn(okJson(body)));
        return fixture.api("token-0")
                .self()
                .earningsSummary(DateRange.ALL, "day", null)
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    @Test
    void aMissingUnreadCountStaysNullAndAnEmptyAnswerIsMalformed() {
        UnreadCounts partial = unread("{\"unreadChatsCount\":3}");

        assertThat(partial.unreadChatsCount()).isEqualTo(3);
        assertThat(partial.unreadMessagesCount()).isNull();
        assertThat(catchThrowableOfType(FanvueException.MalformedResponse.class, () -> unread("{}")))
                .isNotNull();
    }

    @Test
    void aSummaryWithoutNetKeepsNetNull() {
        EarningsSummary summary = summary("{\"totals\":{\"allTime\":{\"gross\":1200}}}");

        assertThat(summary.totals().allTime().gross()).isEqualTo(1200);
        assertThat(summary.totals().allTime().net()).isNull();
    }

    @Test
    void integersOfTheWrongJsonTypeMakeTheAnswerMalformed() {
        for (String wrong : List.of("\"12\"", "12.7", "true", "\"\"", "{}", "[1]")) {
            FanvueException.MalformedResponse malformed = catchThrowableOfType(
                    FanvueException.MalformedResponse.class, () -> unread("{\"unreadChatsCount\":" + wrong + "}"));
            assertThat(malformed).as(wrong).isNotNull();
        }
        assertThat(unread("{\"unreadChatsCount\":12}").unreadChatsCount()).isEqualTo(12);
    }

    private <T> FanvueException.MalformedResponse malformed(java.util.function.Supplier<T> call) {
        return catchThrowableOfType(FanvueException.MalformedResponse.class, call::get);
    }

    private void cursorPage(String path, String row) {
        fanvue.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"data\":[" + row + "],\"nextCursor\":null}")));
    }

    private void page(String path, String row) {
        fanvue.stubFor(get(urlPathEqualTo(path))
                .willReturn(
                        okJson("{\"data\":[" + row + "],\"pagination\":{\"page\":1,\"size\":50,\"hasMore\":false}}")));
    }

    @Test
    void anEarningsRowLackingAnAmountIsMalformedNeverZero() {
        String complete = "{\"date\":\"2026-10-01T10:00:00Z\",\"gross\":-500,\"net\":-400,\"currency\":null,"
                + "\"source\":\"referral\",\"user\":null,\"transactionOrderId\":\"o-1\","
                + "\"transactionOrderStatus\":\"refunded\"}";
        cursorPage("/insights/earnings", complete);
        var rows = fixture.api("token-0")
                .self()
                .earnings(DateRange.ALL, List.of())
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.gross()).isEqualTo(-500);
            assertThat(row.currency()).isNull();
        });
        for (String missing : List.of("\"gross\":-500,", "\"net\":-400,", "\"transactionOrderId\":\"o-1\",")) {
            cursorPage("/insights/earnings", complete.replace(missing, ""));
            assertThat(malformed(() -> fixture.api("token-0")
                            .self()
                            .earnings(DateRange.ALL, List.of())
                            .collect()
                            .asList()
                            .await()
                            .atMost(Duration.ofSeconds(10))))
                    .as(missing)
                    .isNotNull();
        }
    }

    @Test
    void subscriberDaysTopSpendersLinksAndTipsMustCarryTheirFigures() {
        cursorPage(
                "/insights/subscribers",
                "{\"date\":\"2026-10-01T00:00:00Z\",\"newSubscribersCount\":2," + "\"cancelledSubscribersCount\":1}");
        assertThat(malformed(() -> fixture.api("token-0")
                        .self()
                        .subscriberSeries(DateRange.ALL)
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(10))))
                .isNotNull();

        page("/insights/top-spenders", "{\"gross\":900,\"messages\":3,\"user\":{\"uuid\":\"f-1\"}}");
        assertThat(malformed(() -> fixture.api("token-0")
                        .self()
                        .topSpendersPage(DateRange.ALL, 50)
                        .await()
                        .atMost(Duration.ofSeconds(10))))
                .isNotNull();
        page("/insights/top-spenders", "{\"gross\":900,\"net\":720,\"user\":{\"uuid\":\"f-1\"}}");
        assertThat(fixture.api("token-0")
                        .self()
                        .topSpendersPage(DateRange.ALL, 50)
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .singleElement()
                .satisfies(spender -> assertThat(spender.messages()).isNull());

        cursorPage("/tracking-links", "{\"uuid\":\"l-1\",\"clicks\":10,\"earnings\":{\"totalNet\":80}}");
        assertThat(malformed(() -> fixture.api("token-0")
                        .self()
                        .trackingLinks(null, null)
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(10))))
                .isNotNull();

        page("/posts", "{\"uuid\":\"p-1\",\"likesCount\":3,\"tips\":{\"totalGross\":100,\"totalNet\":80}}");
        assertThat(malformed(() -> fixture.api("token-0")
                        .self()
                        .posts()
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(10))))
                .isNotNull();
    }

    @Test
    void oneChatPageSaysWhetherMoreExist() {
        fanvue.stubFor(get(urlPathEqualTo("/creators/c-1/chats"))
                .willReturn(okJson("{\"data\":[{\"user\":{\"uuid\":\"f-1\"},\"unreadMessagesCount\":2}],"
                        + "\"pagination\":{\"page\":1,\"size\":1,\"hasMore\":true}}")));

        ChatPage page = fixture.api("token-0")
                .creator("c-1")
                .chatPage(new ChatQuery(List.of("unread"), null, null), 1)
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(page.chats()).hasSize(1);
        assertThat(page.hasMore()).isTrue();
        assertThat(fanvue.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/creators/c-1/chats")))
                        .get(0)
                        .queryParameter("filter")
                        .firstValue())
                .isEqualTo("unread");
    }
}
