package com.onyxos.simulator.control;

import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Chat;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.Message;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes {@link CreatorTruth} from the world, independently of the API's views. */
final class GroundTruth {
    private GroundTruth() {}

    static CreatorTruth of(AccountData account) {
        return of(account, null, null);
    }

    /** The truth with earnings limited to rows dated in [start, end) (a null bound is open). */
    static CreatorTruth of(AccountData account, Instant start, Instant end) {
        Map<String, int[]> uses = new LinkedHashMap<>();
        account.media().keySet().forEach(uuid -> uses.put(uuid, new int[2]));
        Map<String, Message> messages = new HashMap<>();
        for (Chat chat : account.chats()) {
            for (Message m : chat.messages()) {
                if (m.senderUuid().equals(account.user().uuid())) {
                    messages.put(m.uuid(), m);
                    for (String media : m.mediaUuids()) {
                        int[] counts = uses.computeIfAbsent(media, k -> new int[2]);
                        counts[0]++;
                        counts[1] += m.purchasedAt() != null ? 1 : 0;
                    }
                }
            }
        }
        Map<String, Long> revenue = new HashMap<>();
        for (Earning e : account.earnings()) {
            Message m = e.messageUuid() == null ? null : messages.get(e.messageUuid());
            if (e.source().equals("message") && m != null && !m.mediaUuids().isEmpty()) {
                split(e.gross(), m.mediaUuids(), revenue);
            }
        }
        Map<String, CreatorTruth.MediaTruth> media = new LinkedHashMap<>();
        uses.forEach(
                (uuid, c) -> media.put(uuid, new CreatorTruth.MediaTruth(c[0], c[1], revenue.getOrDefault(uuid, 0L))));
        List<Earning> rows = account.earnings().stream()
                .filter(e -> (start == null || !e.date().isBefore(start))
                        && (end == null || e.date().isBefore(end)))
                .toList();
        return new CreatorTruth(account.user().uuid(), media, earnings(rows));
    }

    /** Even split in integer cents; the first media takes the remainder. */
    static void split(long gross, List<String> mediaUuids, Map<String, Long> revenue) {
        int n = mediaUuids.size();
        long share = gross / n;
        for (int i = 0; i < n; i++) {
            long amount = i == 0 ? gross - share * (n - 1) : share;
            revenue.merge(mediaUuids.get(i), amount, Long::sum);
        }
    }

    private static CreatorTruth.EarningsTruth earnings(List<Earning> rows) {
        Map<String, Long> bySource = new TreeMap<>();
        Map<String, Long> grossBySource = new TreeMap<>();
        long gross = 0;
        long net = 0;
        int refunds = 0;
        int chargebacks = 0;
        for (Earning e : rows) {
            gross += e.gross();
            net += e.net();
            bySource.merge(e.source(), e.net(), Long::sum);
            grossBySource.merge(e.source(), e.gross(), Long::sum);
            refunds += e.transactionOrderStatus().equals("refunded") ? 1 : 0;
            chargebacks += e.transactionOrderStatus().equals("chargeback") ? 1 : 0;
        }
        return new CreatorTruth.EarningsTruth(gross, net, rows.size(), refunds, chargebacks, bySource, grossBySource);
    }
}
