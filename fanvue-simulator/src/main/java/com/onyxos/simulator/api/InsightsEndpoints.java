package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.EarningView;
import com.onyxos.simulator.api.view.FanView;
import com.onyxos.simulator.api.view.Money;
import com.onyxos.simulator.api.view.SubscriberPointView;
import com.onyxos.simulator.api.view.TopSpenderView;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.SubscriberDay;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Earnings rows, the subscriber series and top spenders (the summary has its own class). */
final class InsightsEndpoints {
    static final Set<String> SOURCES = Set.of(
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

    private InsightsEndpoints() {}

    static void register(RouteTable table) {
        table.both("/insights/earnings", InsightsEndpoints::earnings, "read:insights");
        table.both("/insights/earnings/summary", EarningsSummary::answer, "read:insights");
        table.both("/insights/subscribers", InsightsEndpoints::subscribers, "read:insights");
        table.both("/insights/top-spenders", InsightsEndpoints::topSpenders, "read:insights", "read:fan");
    }

    private static Object earnings(ApiRequest r) {
        Query.Window window = r.query().window();
        List<String> sources = r.query().list("source");
        for (String source : sources) {
            if (!source.equals("all") && !SOURCES.contains(source)) {
                throw new BadRequest("source must be among all, "
                        + String.join(", ", SOURCES.stream().sorted().toList()));
            }
        }
        boolean everySource = sources.isEmpty() || sources.contains("all");
        List<Earning> inWindow = r.target().earningsBetween(window.start(), window.end());
        List<Earning> rows = everySource
                ? inWindow
                : inWindow.stream().filter(e -> sources.contains(e.source())).toList();
        return Pages.cursor(rows, r.query(), "size", e -> EarningView.of(e, r.world(), r.target()));
    }

    private static Object subscribers(ApiRequest r) {
        Query.Window window = r.query().window();
        List<SubscriberDay> days = r.target().subscriberSeries().stream()
                .filter(d -> window.contains(d.date().atStartOfDay().toInstant(ZoneOffset.UTC)))
                .toList();
        return Pages.cursor(days, r.query(), "size", SubscriberPointView::of);
    }

    /** Fans by gross in the window, highest first; {@code messages} counts their message purchases. */
    private static Object topSpenders(ApiRequest r) {
        Query.Window window = r.query().window();
        Map<String, Money> money = new HashMap<>();
        Map<String, Integer> messages = new HashMap<>();
        for (Earning e : r.target().earnings()) {
            if (e.fanUuid() != null && window.contains(e.date())) {
                money.merge(e.fanUuid(), new Money(e.gross(), e.net()), (a, b) -> a.plus(b.gross(), b.net()));
                if (e.source().equals("message") && e.gross() > 0) {
                    messages.merge(e.fanUuid(), 1, Integer::sum);
                }
            }
        }
        List<String> fans = money.entrySet().stream()
                .filter(entry -> entry.getValue().gross() > 0)
                .sorted(Map.Entry.<String, Money>comparingByValue(Comparator.comparingLong(Money::gross))
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        return Pages.page(
                fans,
                r.query(),
                fan -> new TopSpenderView(
                        money.get(fan).gross(),
                        money.get(fan).net(),
                        messages.getOrDefault(fan, 0),
                        FanView.of(r.world().user(fan).orElseThrow(), r.target())));
    }
}
