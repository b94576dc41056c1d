package com.onyxos.common.fanvue;

import com.onyxos.common.fanvue.internal.ApiCall;
import com.onyxos.common.fanvue.internal.Decoder;
import com.onyxos.common.fanvue.internal.FanvueHttp;
import com.onyxos.common.fanvue.internal.Paginator;
import com.onyxos.common.fanvue.internal.Query;
import com.onyxos.common.fanvue.model.AgencyEarning;
import com.onyxos.common.fanvue.model.AgencySubscriberDay;
import com.onyxos.common.fanvue.model.FanvueCreator;
import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The agency's own endpoints: the creators it manages and per-creator daily earnings and subscriber history. They
 * answer only when the connected user is an agency admin, and share that user's rate bucket.
 */
public final class FanvueAgencyApi {

    private static final int PAGE_SIZE = 50;
    /** Fanvue accepts at most 50 creator uuids per agency query; longer lists are split. */
    private static final int MAX_CREATORS_PER_QUERY = 50;

    private final FanvueHttp http;
    private final Paginator paginator;
    private final FanvueCredentials credentials;

    FanvueAgencyApi(FanvueHttp http, Paginator paginator, FanvueCredentials credentials) {
        this.http = http;
        this.paginator = paginator;
        this.credentials = credentials;
    }

    /** The creators the agency manages (empty when the connected user is no agency admin). */
    public Multi<FanvueCreator> creators() {
        return pages("/creators", Query.of(), FanvueCreator.class, c -> c.uuid() != null);
    }

    /** Daily earnings per creator in {@code range} (both bounds required); all creators when the list is empty. */
    public Multi<AgencyEarning> earnings(DateRange range, List<String> creatorUuids) {
        return perChunk(
                creatorUuids,
                chunk ->
                        pages("/agencies/earnings", query(range, chunk), AgencyEarning.class, AgencyEarning::complete));
    }

    /** Daily subscriber history per creator in {@code range} (both bounds required). */
    public Multi<AgencySubscriberDay> subscribersHistory(DateRange range, List<String> creatorUuids) {
        return perChunk(
                creatorUuids,
                chunk -> pages(
                        "/agencies/subscribers-history",
                        query(range, chunk),
                        AgencySubscriberDay.class,
                        AgencySubscriberDay::complete));
    }

    private static <T> Multi<T> perChunk(
            List<String> creatorUuids, java.util.function.Function<List<String>, Multi<T>> query) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < creatorUuids.size(); from += MAX_CREATORS_PER_QUERY) {
            chunks.add(creatorUuids.subList(from, Math.min(creatorUuids.size(), from + MAX_CREATORS_PER_QUERY)));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        return Multi.createFrom().iterable(chunks).onItem().transformToMultiAndConcatenate(query);
    }

    private static Query query(DateRange range, List<String> creators) {
        if (range.start() == null || range.end() == null) {
            throw new IllegalArgumentException("agency queries need both startDate and endDate");
        }
        return Query.of()
                .add("startDate", range.start())
                .add("endDate", range.end())
                .csv("creatorUuids", creators);
    }

    private <T> Multi<T> pages(String path, Query query, Class<T> item, Predicate<T> valid) {
        String route = "GET " + path;
        Decoder<com.onyxos.common.fanvue.internal.Page<T>> decoder = Decoder.pageStyle(item, valid);
        return paginator.pages(route, page -> {
            Query paged = Query.of();
            query.build().forEach(parameter -> paged.add(parameter.getKey(), parameter.getValue()));
            paged.add("page", page).add("size", PAGE_SIZE);
            ApiCall call = new ApiCall(
                    route,
                    path,
                    paged.build(),
                    new ApiCall.BucketKey(credentials.fanvueUserId(), null),
                    credentials.tokens());
            return http.get(call, decoder);
        });
    }
}
