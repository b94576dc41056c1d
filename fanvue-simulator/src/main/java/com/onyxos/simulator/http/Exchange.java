package com.onyxos.simulator.http;

import com.onyxos.simulator.faults.FaultRule;
import io.vertx.ext.web.RoutingContext;

/** One request on its way through the dispatcher; endpoints note here what the journal should record. */
public final class Exchange {
    private final RoutingContext context;
    private final String route;
    private final long startedAtMillis = System.currentTimeMillis();
    private FaultRule fault;
    private String userUuid;
    private String clientId;
    private String bucket;
    private String grantType;
    private boolean early;

    public Exchange(RoutingContext context, String route) {
        this.context = context;
        this.route = route;
    }

    public RoutingContext context() {
        return context;
    }

    /** The route template (e.g. {@code /creators/{creatorUserUuid}/media}); null for unmatched paths. */
    public String route() {
        return route;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    public String header(String name) {
        return context.request().getHeader(name);
    }

    public String pathParam(String name) {
        return context.pathParam(name);
    }

    /** The fault picked for this request, or null. */
    public FaultRule fault() {
        return fault;
    }

    void fault(FaultRule fault) {
        this.fault = fault;
    }

    public String userUuid() {
        return userUuid;
    }

    public String clientId() {
        return clientId;
    }

    public void caller(String clientId, String userUuid) {
        this.clientId = clientId;
        this.userUuid = userUuid;
    }

    public String bucket() {
        return bucket;
    }

    public void bucket(String bucket) {
        this.bucket = bucket;
    }

    public String grantType() {
        return grantType;
    }

    public void grantType(String grantType) {
        this.grantType = grantType;
    }

    public boolean early() {
        return early;
    }

    public void early(boolean early) {
        this.early = early;
    }
}
