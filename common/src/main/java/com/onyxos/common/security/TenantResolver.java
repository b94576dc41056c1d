package com.onyxos.common.security;

import com.onyxos.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds the agency a request acts in: the one named by the {@value #HEADER} header, or the caller's only agency.
 * An agency the caller is not a member of answers 404, like any other agency's resource.
 */
@ApplicationScoped
public class TenantResolver {

    /** Request header naming the agency when the caller belongs to several. */
    public static final String HEADER = "X-Agency-Id";

    private final Pool pool;

    public TenantResolver(Pool pool) {
        this.pool = pool;
    }

    /** The tenant of {@code subject} for a request that named {@code requested} (may be null). */
    public Uni<Tenant> resolve(String subject, String requested) {
        UUID requestedId = parse(requested);
        return pool.preparedQuery("select agency_id, role from agency_members where user_sub = $1")
                .execute(Tuple.of(subject))
                .map(rows -> {
                    List<Tenant> memberships = new ArrayList<>();
                    for (Row row : rows) {
                        memberships.add(new Tenant(row.getUUID("agency_id"), subject, row.getString("role")));
                    }
                    return choose(memberships, requestedId);
                });
    }

    private static Tenant choose(List<Tenant> memberships, UUID requested) {
        if (requested != null) {
            return memberships.stream()
                    .filter(tenant -> tenant.agencyId().equals(requested))
                    .findFirst()
                    .orElseThrow(() -> new ProblemException(
                            404, "agency_not_found", "Agency not found", "No agency " + requested + " for you."));
        }
        if (memberships.isEmpty()) {
            throw new ProblemException(
                    403, "no_agency_membership", "No agency", "You are not a member of any agency yet.");
        }
        if (memberships.size() > 1) {
            throw new ProblemException(
                    400,
                    "agency_required",
                    "Agency required",
                    "You belong to several agencies: name one in the " + HEADER + " header.");
        }
        return memberships.get(0);
    }

    private static UUID parse(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(requested.trim());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    400, "invalid_input", "Invalid input", "Header " + HEADER + " must be an agency id (a UUID).");
        }
    }
}
