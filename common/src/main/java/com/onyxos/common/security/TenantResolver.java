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
 * An agency the caller is not a member of answers 404, like any other agency's resource. An agency that requires
 * two-factor authentication answers 403 {@value #MFA_ENROLLMENT_REQUIRED} to a member without a verified factor
 * (unless their identity provider checked one): with one query, in every service that acts in an agency.
 */
@ApplicationScoped
public class TenantResolver {

    /** Request header naming the agency when the caller belongs to several. */
    public static final String HEADER = "X-Agency-Id";

    /** Problem code of the 403 a member without a second factor gets in an agency that requires one. */
    public static final String MFA_ENROLLMENT_REQUIRED = "mfa_enrollment_required";

    private static final String MEMBERSHIPS = """
            select m.agency_id, m.role, a.require_mfa,
                   exists (select 1 from mfa_factors f where f.user_sub = m.user_sub and f.status = 'verified')
                       as enrolled
            from agency_members m join agencies a on a.id = m.agency_id
            where m.user_sub = $1
            """;

    private final Pool pool;

    public TenantResolver(Pool pool) {
        this.pool = pool;
    }

    /**
     * The tenant of {@code subject} for a request that named {@code requested} (may be null).
     *
     * @param providerVerifiedSecondFactor the identity provider checked a second factor for this token, which
     *     satisfies an agency's two-factor requirement as a verified TOTP factor does
     */
    public Uni<Tenant> resolve(String subject, String requested, boolean providerVerifiedSecondFactor) {
        UUID requestedId = parse(requested);
        return pool.preparedQuery(MEMBERSHIPS).execute(Tuple.of(subject)).map(rows -> {
            List<Membership> memberships = new ArrayList<>();
            for (Row row : rows) {
                memberships.add(new Membership(
                        new Tenant(row.getUUID("agency_id"), subject, row.getString("role")),
                        row.getBoolean("require_mfa") && !row.getBoolean("enrolled") && !providerVerifiedSecondFactor));
            }
            return compliant(choose(memberships, requestedId));
        });
    }

    /** A membership, and whether the agency's two-factor policy shuts the member out until they enroll. */
    private record Membership(Tenant tenant, boolean needsSecondFactor) {}

    private static Tenant compliant(Membership membership) {
        if (membership.needsSecondFactor()) {
            throw new ProblemException(
                    403,
                    MFA_ENROLLMENT_REQUIRED,
                    "Two-factor authentication required",
                    "This agency requires two-factor authentication. Enroll a TOTP factor (POST /api/user/mfa) and"
                            + " verify a code from it (POST /api/user/mfa/verify); GET /api/me shows where you stand.");
        }
        return membership.tenant();
    }

    private static Membership choose(List<Membership> memberships, UUID requested) {
        if (requested != null) {
            return memberships.stream()
                    .filter(membership -> membership.tenant().agencyId().equals(requested))
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
