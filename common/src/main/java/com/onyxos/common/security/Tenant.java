package com.onyxos.common.security;

import com.onyxos.common.problem.ProblemException;
import java.util.UUID;

/**
 * The agency a request acts in, and the caller's role there.
 *
 * @param agencyId the agency
 * @param subject the caller's OIDC subject
 * @param role {@code admin} or {@code member}
 */
public record Tenant(UUID agencyId, String subject, String role) {

    /** Agency role that may change settings, members and connections. */
    public static final String ADMIN = "admin";

    /** Agency role that may read and sync. */
    public static final String MEMBER = "member";

    public boolean admin() {
        return ADMIN.equals(role);
    }

    /** This tenant, when the caller is an agency admin; a 403 problem otherwise. */
    public Tenant requireAdmin() {
        if (!admin()) {
            throw new ProblemException(
                    403, "agency_admin_required", "Agency admin required", "Only an agency admin may do this.");
        }
        return this;
    }
}
