package com.onyxos.stats.rest;

import com.onyxos.stats.repository.EarningItem;
import java.util.Map;
import java.util.UUID;

/**
 * Earnings rows as CSV (RFC 4180: comma separated, CRLF line ends, a field with a comma, quote, CR or LF quoted and
 * its quotes doubled) that is safe to open in a spreadsheet: a text cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is quoted and prefixed with {@code '}, so no spreadsheet runs it as
 * a formula. Amounts are integers we format ourselves (minor units) and stay numbers: {@code -500} for a refund.
 */
final class CsvFormat {

    static final String HEADER = "date,creator_id,creator_handle,source,kind,status,transaction_order_id,gross,net,"
            + "currency,fan_uuid,fan_handle,message_uuid,post_uuid\r\n";

    private CsvFormat() {}

    static void row(StringBuilder out, EarningItem item, Map<UUID, String> handles) {
        out.append(item.date()).append(',');
        out.append(item.creatorId()).append(',');
        text(out, handles.get(item.creatorId()));
        out.append(',');
        text(out, item.source());
        out.append(',');
        text(out, item.kind());
        out.append(',');
        text(out, item.status());
        out.append(',');
        text(out, item.transactionOrderId());
        out.append(',');
        out.append(item.gross()).append(',');
        out.append(item.net()).append(',');
        text(out, item.currency());
        out.append(',');
        out.append(item.fanUuid() == null ? "" : item.fanUuid().toString()).append(',');
        text(out, item.fanHandle());
        out.append(',');
        out.append(item.messageUuid() == null ? "" : item.messageUuid().toString())
                .append(',');
        out.append(item.postUuid() == null ? "" : item.postUuid().toString()).append("\r\n");
    }

    /** One text cell: empty for null, quoted when RFC 4180 requires it, defused when it could be a formula. */
    static void text(StringBuilder out, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean formula =
                switch (value.charAt(0)) {
                    case '=', '+', '-', '@', '\t', '\r' -> true;
                    default -> false;
                };
        boolean quote = formula
                || value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"');
        if (formula) {
            out.append('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
