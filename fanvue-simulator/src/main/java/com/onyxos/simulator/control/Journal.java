package com.onyxos.simulator.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last requests (bounded, oldest dropped first) and the counters over all of them. Used under the state lock. */
public final class Journal {
    private static final int MAX_ENTRIES = 200_000;

    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private long seq;
    private long requests;
    private long tooManyRequests;
    private long earlyRequests;

    public void add(JournalEntry withoutSeq) {
        JournalEntry e = new JournalEntry(
                ++seq,
                withoutSeq.at(),
                withoutSeq.method(),
                withoutSeq.path(),
                withoutSeq.route(),
                withoutSeq.query(),
                withoutSeq.status(),
                withoutSeq.bucket(),
                withoutSeq.user(),
                withoutSeq.clientId(),
                withoutSeq.grantType(),
                withoutSeq.early(),
                withoutSeq.fault(),
                withoutSeq.durationMs());
        if (entries.size() == MAX_ENTRIES) {
            entries.removeFirst();
        }
        entries.addLast(e);
        requests++;
        tooManyRequests += e.status() == 429 ? 1 : 0;
        earlyRequests += e.early() ? 1 : 0;
    }

    public List<JournalEntry> find(JournalFilter filter) {
        return entries.stream().filter(filter::test).toList();
    }

    /** Forgets the entries; the counters keep counting (reset clears them). */
    public void clear() {
        entries.clear();
    }

    public long requests() {
        return requests;
    }

    public long tooManyRequests() {
        return tooManyRequests;
    }

    public long earlyRequests() {
        return earlyRequests;
    }
}
