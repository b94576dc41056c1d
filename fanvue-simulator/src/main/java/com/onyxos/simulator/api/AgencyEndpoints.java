package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.AgencyEarningView;
import com.onyxos.simulator.api.view.AgencySubscribersView;
import com.onyxos.simulator.api.view.Money;
import com.onyxos.simulator.http.SimResponse;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Agency;
import com.onyxos.simulator.world.Earning;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /agencies/earnings} and {@code /agencies/subscribers-history}: per creator and UTC day, creators in the
 * agency's order then days ascending. Agency admins only; unmanaged {@code creatorUuids} are ignored [?].
 */
final class AgencyEndpoints {
    private static final int MAX_CREATORS = 50;

    private AgencyEndpoints() {}

    static void register(RouteTable table) {
        table.self("/agencies/earnings", AgencyEndpoints::earnings, "read:agency", "read:creator");
        table.self("/agencies/subscribers-history", AgencyEndpoints::subscribers, "read:agency", "read:creator");
    }

    private static Object earnings(ApiRequest r) {
        Optional<List<AccountData>> creators = creators(r);
        if (creators.isEmpty()) {
            return notAdmin();
        }
        Query.Window window = requiredWindow(r.query());
        List<AgencyEarningView> rows = new ArrayList<>();
        for (AccountData creator : creators.get()) {
            TreeMap<LocalDate, Money> days = new TreeMap<>();
            for (Earning e : creator.earnings()) {
                if (window.contains(e.date())) {
                    days.merge(
                            LocalDate.ofInstant(e.date(), ZoneOffset.UTC),
                            new Money(e.gross(), e.net()),
                            (a, b) -> a.plus(b.gross(), b.net()));
                }
            }
            days.forEach((day, money) ->
                    rows.add(new AgencyEarningView(creator.user().uuid(), day, money.gross(), money.net(), "USD")));
        }
        return Pages.page(rows, r.query(), row -> row);
    }

    private static Object subscribers(ApiRequest r) {
        Optional<List<AccountData>> creators = creators(r);
        if (creators.isEmpty()) {
            return notAdmin();
        }
        Query.Window window = requiredWindow(r.query());
        List<AgencySubscribersView> rows = new ArrayList<>();
        for (AccountData creator : creators.get()) {
            creator.subscriberSeries().stream()
                    .filter(d -> window.contains(d.date().atStartOfDay().toInstant(ZoneOffset.UTC)))
                    .forEach(d -> rows.add(new AgencySubscribersView(
                            creator.user().uuid(), d.date(), d.newSubscribers(), d.cancelledSubscribers(), d.total())));
        }
        return Pages.page(rows, r.query(), row -> row);
    }

    /** The agency's creators, narrowed by {@code creatorUuids}; empty when the caller administers no agency. */
    private static Optional<List<AccountData>> creators(ApiRequest r) {
        Optional<Agency> agency = r.world().agencyAdministeredBy(r.caller().uuid());
        if (agency.isEmpty()) {
            return Optional.empty();
        }
        List<String> wanted = r.query().list("creatorUuids");
        if (wanted.size() > MAX_CREATORS) {
            throw new BadRequest("creatorUuids accepts at most " + MAX_CREATORS + " uuids");
        }
        return Optional.of(agency.get().creatorUuids().stream()
                .filter(uuid -> wanted.isEmpty() || wanted.contains(uuid))
                .map(uuid -> r.world().account(uuid).orElseThrow())
                .toList());
    }

    private static Query.Window requiredWindow(Query query) {
        query.requiredInstant("startDate");
        query.requiredInstant("endDate");
        return query.window();
    }

    private static SimResponse notAdmin() {
        return SimResponse.errorOnly(403, "Only agency admins can read agency data");
    }
}
