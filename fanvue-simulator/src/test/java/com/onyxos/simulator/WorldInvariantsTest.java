package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Chat;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.Folder;
import com.onyxos.simulator.world.Message;
import com.onyxos.simulator.world.Post;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated data is consistent the way services will rely on, checked through the API where it matters. */
class WorldInvariantsTest {
    static SimFixture fx;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void accountTotalIsTheSumOfTheEarningsNet() {
        for (String creator : fx.agency(0).creatorUuids()) {
            String token = fx.fullToken(fx.admin(0));
            long total = fx.api(token)
                    .get("/creators/" + creator + "/account")
                    .jsonPath()
                    .getLong("account.earnings.total");
            long sum = fx.allCursor(token, "/creators/" + creator + "/insights/earnings", "size", 50).stream()
                    .mapToLong(e -> ((Number) e.get("net")).longValue())
                    .sum();
            assertThat(total).isEqualTo(sum).isNotZero();
        }
    }

    @Test
    void vaultHasSharedMediaNamelessMediaEveryTypeAndStatus() {
        for (AccountData creator : fx.sim.world().creatorAccounts()) {
            Map<String, Long> folderCount = creator.folders().stream()
                    .flatMap(f -> f.mediaUuids().stream())
                    .collect(Collectors.groupingBy(u -> u, Collectors.counting()));
            assertThat(folderCount.values()).contains(2L);
            assertThat(creator.media().values()).anyMatch(m -> m.name() == null);
            assertThat(creator.media().values().stream().map(m -> m.mediaType()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("image", "video", "audio", "document");
            assertThat(creator.media().values().stream().map(m -> m.status()).collect(Collectors.toSet()))
                    .contains("ready", "processing", "created", "error");
            assertThat(creator.folders().stream().map(Folder::name)).doesNotHaveDuplicates();
            assertThat(creator.folders()).anyMatch(f -> f.createdAt() == null);
        }
    }

    @Test
    void everySourceWithRefundsAndChargebacksOfExistingOrders() {
        for (AccountData creator : fx.sim.world().creatorAccounts()) {
            List<Earning> rows = creator.earnings();
            assertThat(rows.stream().map(Earning::source).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(
                            "affiliate",
                            "appStore",
                            "checkoutLink",
                            "mediaLink",
                            "message",
                            "post",
                            "referral",
                            "renewal",
                            "subscription",
                            "tip",
                            "giveaway");
            Map<String, Earning> originals = rows.stream()
                    .filter(e -> e.gross() > 0)
                    .collect(Collectors.toMap(Earning::transactionOrderId, e -> e));
            List<Earning> reversals = rows.stream().filter(e -> e.gross() < 0).toList();
            assertThat(reversals.stream().map(Earning::transactionOrderStatus)).contains("refunded", "chargeback");
            for (Earning reversal : reversals) {
                Earning original = originals.get(reversal.transactionOrderId());
                assertThat(original).isNotNull();
                assertThat(reversal.gross()).isEqualTo(-original.gross());
                assertThat(reversal.date()).isAfterOrEqualTo(original.date());
            }
        }
    }

    @Test
    void messageEarningsAreThePurchasedMessagesThroughTheApi() {
        String creator = fx.creator(0, 1);
        String token = fx.fullToken(creator);
        Map<String, Long> purchased = new HashMap<>();
        for (Map<String, Object> chat : fx.allPages(token, "/chats", 50)) {
            String fan = (String) ((Map<?, ?>) chat.get("user")).get("uuid");
            for (Map<String, Object> m : fx.allPages(token, "/chats/" + fan + "/messages", 50)) {
                if (m.get("purchasedAt") != null) {
                    purchased.put((String) m.get("uuid"), ((Number) m.get("price")).longValue());
                }
            }
        }
        Map<String, Long> earned = fx.allCursor(token, "/insights/earnings", "size", 50).stream()
                .filter(e -> e.get("source").equals("message") && ((Number) e.get("gross")).longValue() > 0)
                .collect(Collectors.toMap(
                        e -> (String) e.get("messageUuid"), e -> ((Number) e.get("gross")).longValue()));
        assertThat(purchased).isNotEmpty().isEqualTo(earned);
    }

    @Test
    void messagesCarryVaultMediaAndPostsEarnThroughPostRows() {
        for (AccountData creator : fx.sim.world().creatorAccounts()) {
            for (Chat chat : creator.chats()) {
                for (Message m : chat.messages()) {
                    assertThat(creator.media().keySet()).containsAll(m.mediaUuids());
                    assertThat(m.mediaUuids().size()).isBetween(0, 3);
                    if (m.purchasedAt() != null) {
                        assertThat(m.price()).isNotNull();
                        assertThat(m.purchasedAt()).isAfter(m.sentAt());
                    }
                }
            }
            Set<String> posts = creator.posts().stream().map(Post::uuid).collect(Collectors.toSet());
            assertThat(creator.earnings())
                    .filteredOn(e -> e.source().equals("post"))
                    .isNotEmpty()
                    .allMatch(e -> posts.contains(e.postUuid()));
        }
    }

    @Test
    void usersMeCountsMatchTheData() {
        String creator = fx.creator(1, 0);
        AccountData data = fx.sim.world().creator(creator);
        JsonPath me = fx.api(fx.fullToken(creator)).get("/users/me").jsonPath();
        assertThat(me.getInt("fanCounts.subscribersCount"))
                .isEqualTo(data.subscriberUuids().size());
        assertThat(me.getInt("fanCounts.followersCount"))
                .isEqualTo(data.followerUuids().size());
        assertThat(me.getInt("contentCounts.postCount")).isEqualTo(data.posts().size());
        long images = data.media().values().stream()
                .filter(m -> m.mediaType().equals("image"))
                .count();
        assertThat(me.getLong("contentCounts.imageCount")).isEqualTo(images);
        assertThat(data.subscriberSeries()
                        .get(data.subscriberSeries().size() - 1)
                        .total())
                .isEqualTo(data.subscriberUuids().size());
        assertThat(data.followerUuids()).doesNotContainAnyElementsOf(data.subscriberUuids());
    }

    @Test
    void subscriberSeriesAddsUp() {
        for (AccountData creator : fx.sim.world().creatorAccounts()) {
            var series = creator.subscriberSeries();
            for (int i = 1; i < series.size(); i++) {
                var day = series.get(i);
                assertThat(day.total())
                        .isEqualTo(series.get(i - 1).total() + day.newSubscribers() - day.cancelledSubscribers());
                assertThat(day.date()).isEqualTo(series.get(i - 1).date().plusDays(1));
            }
        }
    }
}
