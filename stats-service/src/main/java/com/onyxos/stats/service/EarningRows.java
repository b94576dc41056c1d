package com.onyxos.stats.service;

import com.onyxos.common.fanvue.model.Earning;
import com.onyxos.stats.repository.TransactionRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Turns Fanvue earnings rows into {@code fanvue_transactions} rows: the identity ({@code dedup_key}), the kind (a
 * negative row is a refund, or a chargeback when its status says so) and the values checked against what the column
 * allows. A row that does not fit is malformed: the pass fails instead of storing something Fanvue did not send.
 */
final class EarningRows {

    /** Sources as open text: what Fanvue lists today and whatever it adds, within the column's bounds. */
    static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private EarningRows() {}

    /**
     * The row's identity within its creator: {@code <order>|s|<date>|<source>} for a sale, {@code <order>|r|...} for a
     * refund or chargeback. An order's sale and reversals differ by kind and date; a status change keeps the key.
     */
    static String dedupKey(String orderId, boolean reversal, Instant date, String source) {
        return orderId + (reversal ? "|r|" : "|s|") + date + "|" + source;
    }

    static TransactionRow of(Earning earning) {
        String order = earning.transactionOrderId().trim();
        if (order.isEmpty() || order.length() > 255) {
            throw new MalformedEarning("a transactionOrderId of " + order.length() + " characters");
        }
        if (!SOURCE.matcher(earning.source()).matches()) {
            throw new MalformedEarning("source \"" + clip(earning.source()) + "\" of order " + order);
        }
        String currency = currency(earning.currency(), order);
        boolean reversal = earning.gross() < 0 || earning.gross() == 0 && earning.net() < 0;
        String status = earning.transactionOrderStatus();
        String kind = !reversal
                ? "sale"
                : status != null && status.toLowerCase(Locale.ROOT).contains("chargeback") ? "chargeback" : "refund";
        // PostgreSQL keeps microseconds: the key is built from the instant as stored, so it is the same every pass.
        Instant date = earning.date().truncatedTo(ChronoUnit.MICROS);
        return new TransactionRow(
                timeOrderedId(),
                order,
                dedupKey(order, reversal, date, earning.source()),
                earning.source(),
                status,
                kind,
                date,
                earning.gross(),
                earning.net(),
                currency,
                earning.user() == null ? null : uuid(earning.user().uuid()),
                earning.user() == null ? null : earning.user().handle(),
                uuid(earning.messageUuid()),
                uuid(earning.postUuid()));
    }

    private static String currency(String currency, String order) {
        if (currency == null) {
            return null;
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new MalformedEarning("currency \"" + clip(currency) + "\" of order " + order);
        }
        return currency.toUpperCase(Locale.ROOT);
    }

    /**
     * A UUID whose first 48 bits are the current Unix time in milliseconds (the layout of UUID version 7): new rows'
     * ids arrive in order, so the primary key index grows at its right edge instead of at random pages. Unique, not
     * secret: the random bits need no cryptographic source.
     */
    static UUID timeOrderedId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** An earnings row that cannot be stored as Fanvue sent it. */
    static final class MalformedEarning extends RuntimeException {
        MalformedEarning(String what) {
            super("an earnings row Fanvue sent cannot be stored: " + what, null, false, false);
        }
    }
}
