package com.onyxos.common.fanvue.internal;

import com.onyxos.common.fanvue.FanvueTokenProvider;
import java.util.List;
import java.util.Map;

/**
 * One API read to make.
 *
 * @param route the route template, for logs, errors and deprecation warnings ({@code GET /creators/{c}/media})
 * @param path the concrete path, segments already encoded
 * @param query query parameters, in order, unencoded
 * @param bucket the Fanvue rate bucket the call counts against
 * @param tokens where the bearer token comes from
 */
public record ApiCall(
        String route,
        String path,
        List<Map.Entry<String, String>> query,
        BucketKey bucket,
        FanvueTokenProvider tokens) {

    /**
     * A Fanvue rate bucket: the app (implicit, one per deployment) and user, plus the creator for creator-scoped
     * paths.
     */
    public record BucketKey(String user, String creator) {}
}
