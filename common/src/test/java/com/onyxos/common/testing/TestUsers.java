package com.onyxos.common.testing;

import com.onyxos.common.security.Roles;
import java.util.Set;

/** The people and services tests act as; {@link TestTenants#seed()} gives the agency users their memberships. */
public final class TestUsers {

    /** Admin of agency A. */
    public static final TestUser AGENCY_ADMIN = new TestUser("test|agency-a-admin", Set.of());

    /** Member (not admin) of agency A. */
    public static final TestUser AGENCY_MEMBER = new TestUser("test|agency-a-member", Set.of());

    /** Admin of agency B: must never see agency A's data. */
    public static final TestUser OTHER_AGENCY_USER = new TestUser("test|agency-b-admin", Set.of());

    /** A platform operator, not a member of any agency. */
    public static final TestUser OPS = new TestUser("test|ops", Set.of(Roles.OPS));

    /** One of our services calling another (client-credentials identity). */
    public static final TestUser SERVICE = new TestUser("service-account-vault-sync", Set.of(Roles.SERVICE));

    private TestUsers() {}
}
