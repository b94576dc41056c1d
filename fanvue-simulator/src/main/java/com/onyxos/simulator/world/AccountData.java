package com.onyxos.simulator.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one account owns: vault, earnings, audience, chats, posts. Agency admins have one too, empty.
 * Mutable only under the simulator's state lock.
 */
public final class AccountData {
    /** Earnings are served newest first; the order id breaks ties so pages stay stable. */
    public static final Comparator<Earning> EARNINGS_ORDER = Comparator.comparing(Earning::date)
            .reversed()
            .thenComparing(Earning::transactionOrderId)
            .thenComparing(Earning::gross);

    private static final int TOP_SPENDERS = 5;

    private final SimUser user;
    private final List<Folder> folders = new ArrayList<>();
    private final Map<String, Media> media = new LinkedHashMap<>();
    private final List<Earning> earnings = new ArrayList<>();
    private final List<SubscriberDay> subscriberSeries = new ArrayList<>();
    private final List<String> subscriberUuids = new ArrayList<>();
    private final List<String> followerUuids = new ArrayList<>();
    private final List<TrackingLink> trackingLinks = new ArrayList<>();
    private final List<Chat> chats = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private AccountStatus status;
    private Set<String> topSpenders;

    public AccountData(SimUser user, AccountStatus status) {
        this.user = user;
        this.status = status;
    }

    public SimUser user() {
        return user;
    }

    public List<Folder> folders() {
        return folders;
    }

    public Optional<Folder> folder(String name) {
        return folders.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Media by uuid, in creation order. */
    public Map<String, Media> media() {
        return media;
    }

    /** Newest first; call {@link #earningsChanged()} after changing it. */
    public List<Earning> earnings() {
        return earnings;
    }

    /**
     * The rows dated in {@code [start, end)}, newest first: a view of {@link #earnings()}, found by binary search on
     * its order (a page of a long listing costs a lookup, not a pass over every row). Read it under the state lock.
     */
    public List<Earning> earningsBetween(Instant start, Instant end) {
        return earnings.subList(firstOlderThan(end), firstOlderThan(start));
    }

    /** The index of the first (newest) row dated before {@code instant}; the size when there is none. */
    private int firstOlderThan(Instant instant) {
        int low = 0;
        int high = earnings.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (earnings.get(middle).date().isBefore(instant)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    public void earningsChanged() {
        earnings.sort(EARNINGS_ORDER);
        topSpenders = null;
    }

    /** Oldest day first. */
    public List<SubscriberDay> subscriberSeries() {
        return subscriberSeries;
    }

    public List<String> subscriberUuids() {
        return subscriberUuids;
    }

    public List<String> followerUuids() {
        return followerUuids;
    }

    public List<TrackingLink> trackingLinks() {
        return trackingLinks;
    }

    public List<Chat> chats() {
        return chats;
    }

    public List<Post> posts() {
        return posts;
    }

    public AccountStatus status() {
        return status;
    }

    public void status(AccountStatus status) {
        this.status = status;
    }

    /** The account's earnings total: the sum of the rows' net, refunds and chargebacks included. */
    public long earningsTotal() {
        return earnings.stream().mapToLong(Earning::net).sum();
    }

    /** The fans with the highest all-time gross towards this account. */
    public Set<String> topSpenders() {
        if (topSpenders == null) {
            Map<String, Long> gross = new HashMap<>();
            earnings.stream()
                    .filter(e -> e.fanUuid() != null)
                    .forEach(e -> gross.merge(e.fanUuid(), e.gross(), Long::sum));
            topSpenders = gross.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_SPENDERS)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return topSpenders;
    }
}
