package com.onyxos.simulator.control;

import com.onyxos.simulator.faults.PathGlob;

/** Criteria over journal entries; null fields match anything. {@code path} is a glob like fault rules use. */
public record JournalFilter(
        String method,
        String path,
        String route,
        Integer status,
        String user,
        String grantType,
        Boolean early,
        Long afterSeq) {

    public static final JournalFilter ALL = new JournalFilter(null, null, null, null, null, null, null, null);

    public JournalFilter withRoute(String value) {
        return new JournalFilter(method, path, value, status, user, grantType, early, afterSeq);
    }

    public JournalFilter withGrantType(String value) {
        return new JournalFilter(method, path, route, status, user, value, early, afterSeq);
    }

    public JournalFilter withStatus(Integer value) {
        return new JournalFilter(method, path, route, value, user, grantType, early, afterSeq);
    }

    public JournalFilter withPath(String glob) {
        return new JournalFilter(method, glob, route, status, user, grantType, early, afterSeq);
    }

    public boolean test(JournalEntry e) {
        return (method == null || method.equalsIgnoreCase(e.method()))
                && (path == null || new PathGlob(path).matches(e.path()))
                && (route == null || route.equals(e.route()))
                && (status == null || status == e.status())
                && (user == null || user.equals(e.user()))
                && (grantType == null || grantType.equals(e.grantType()))
                && (early == null || early == e.early())
                && (afterSeq == null || e.seq() > afterSeq);
    }
}
