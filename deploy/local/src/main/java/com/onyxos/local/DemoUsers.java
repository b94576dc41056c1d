package com.onyxos.local;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Who the local issuer mints tokens for: the demo agency's admin and member, a platform operator, and the stack's
 * services (the broker's callers).
 */
public final class DemoUsers {

    /** Users' tokens last a working day; print a new one with {@code ./run-local token ROLE}. */
    public static final Duration USER_TOKEN_LIFETIME = Duration.ofHours(12);

    /** The services' token is minted anew at every start. */
    public static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofDays(30);

    /** The subject of the services' token. */
    public static final String SERVICE_SUBJECT = "local-stack-services";

    private final StackConfig config;

    public DemoUsers(StackConfig config) {
        this.config = config;
    }

    /**
     * The subject and platform roles of {@code role}: {@code admin} and {@code member} (agency roles come from the
     * database, so no platform role), {@code ops}, {@code service}.
     */
    public Identity identity(String role) {
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "admin" -> new Identity(config.get("demo.admin"), List.of(), USER_TOKEN_LIFETIME);
            case "member" -> new Identity(config.get("demo.member"), List.of(), USER_TOKEN_LIFETIME);
            case "ops" -> new Identity(config.get("demo.ops"), List.of("ops"), USER_TOKEN_LIFETIME);
            case "service" -> new Identity(SERVICE_SUBJECT, List.of("service"), SERVICE_TOKEN_LIFETIME);
            default ->
                throw new IllegalArgumentException("Unknown role " + role + ": use admin, member, ops or service");
        };
    }

    /** A token of {@code role} from {@code issuer}. */
    public String token(LocalIssuer issuer, String role) {
        Identity identity = identity(role);
        return issuer.mint(identity.subject(), identity.groups(), identity.lifetime());
    }

    /**
     * @param subject the token's {@code sub}
     * @param groups its platform roles ({@code groups})
     * @param lifetime how long it is valid
     */
    public record Identity(String subject, List<String> groups, Duration lifetime) {}
}
