package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * The IANA time zone names a {@code timezone} parameter may take: those both Java and PostgreSQL know (the window is
 * computed in Java, local days and hours in SQL; a name only one of them knows would answer wrongly or fail). Read
 * from {@code pg_timezone_names} once.
 */
@ApplicationScoped
public class TimeZones {

    private final Pool pool;
    private volatile Set<String> names;

    public TimeZones(Pool pool) {
        this.pool = pool;
    }

    /** Whether {@code name} is an IANA zone both sides know (region names such as Europe/London, and UTC). */
    public Uni<Boolean> known(String name) {
        Set<String> known = names;
        if (known != null) {
            return Uni.createFrom().item(known.contains(name));
        }
        return pool.query("select name from pg_timezone_names").execute().map(rows -> {
            Set<String> java = ZoneId.getAvailableZoneIds();
            Set<String> both = new HashSet<>();
            rows.forEach(row -> {
                String zone = row.getString(0);
                if (java.contains(zone) && !zone.startsWith("posix/") && !zone.startsWith("SystemV/")) {
                    both.add(zone);
                }
            });
            names = Set.copyOf(both);
            return names.contains(name);
        });
    }
}
