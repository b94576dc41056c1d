package com.onyxos.stats.client;

import com.onyxos.common.fanvue.FanvueCredentials;
import com.onyxos.common.fanvue.FanvueTokenProvider;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the Fanvue calls one piece of work (a heartbeat) makes with the credentials {@link CreatorAccess} opened for
 * it: the client asks its token provider once per request it sends (every page its own) and once more per 401
 * renewal; its own retries of a request after a 429 or 5xx reuse the token and are not counted here (they are in
 * {@code onyx_fanvue_retries_total}).
 */
public final class FanvueCalls {

    /** Counts nothing: the credentials stay as they are. */
    public static final FanvueCalls NONE = new FanvueCalls();

    private final LongAdder calls = new LongAdder();

    /** A new count from zero. */
    public static FanvueCalls counting() {
        return new FanvueCalls();
    }

    /** Calls counted so far. */
    public long count() {
        return calls.sum();
    }

    FanvueCredentials counted(FanvueCredentials credentials) {
        return this == NONE ? credentials : new FanvueCredentials(credentials.fanvueUserId(), new Counted(credentials));
    }

    private final class Counted implements FanvueTokenProvider {

        private final FanvueTokenProvider tokens;

        Counted(FanvueCredentials credentials) {
            this.tokens = credentials.tokens();
        }

        @Override
        public Uni<String> accessToken() {
            calls.increment();
            return tokens.accessToken();
        }

        @Override
        public Uni<String> renewAccessToken(String rejected) {
            calls.increment();
            return tokens.renewAccessToken(rejected);
        }
    }
}
