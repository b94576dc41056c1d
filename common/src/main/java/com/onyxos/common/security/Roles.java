package com.onyxos.common.security;

/**
 * Role names carried by bearer tokens. Agency roles ({@code admin}, {@code member}) are not here: they come from
 * agency membership in the database, never from the token.
 */
public final class Roles {

    /** Platform operators: ops and maintenance endpoints. */
    public static final String OPS = "ops";

    /** Our own services calling each other (client-credentials tokens). */
    public static final String SERVICE = "service";

    private Roles() {}
}
