package com.onyxos.auth.service;

import com.onyxos.auth.config.FanvueConnectConfig;
import com.onyxos.auth.repository.AgencyMemberRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository.NewConnection;
import com.onyxos.auth.repository.OAuthStateRepository;
import com.onyxos.auth.repository.OAuthStateRepository.PendingAuthorization;
import com.onyxos.auth.repository.StoredConnection;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.fanvue.FanvueCredentials;
import com.onyxos.common.fanvue.FanvueException;
import com.onyxos.common.fanvue.Pkce;
import com.onyxos.common.fanvue.model.FanvueTokens;
import com.onyxos.common.fanvue.model.FanvueUser;
import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Connecting Fanvue accounts: the authorization URL (PKCE S256, a single-use {@code state} bound to agency and user,
 * short-lived) and the callback that exchanges the code, reads the Fanvue user and stores the sealed tokens.
 */
@ApplicationScoped
public class FanvueConnectService {

    private final FanvueConnectConfig config;
    private final OAuthStateRepository states;
    private final FanvueConnectionRepository connections;
    private final AgencyMemberRepository members;
    private final ConnectionSecrets secrets;
    private final FanvueClient fanvue;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FanvueConnectService(
            FanvueConnectConfig config,
            OAuthStateRepository states,
            FanvueConnectionRepository connections,
            AgencyMemberRepository members,
            ConnectionSecrets secrets,
            FanvueClient fanvue,
            Clock clock) {
        this.config = config;
        this.states = states;
        this.connections = connections;
        this.members = members;
        this.secrets = secrets;
        this.fanvue = fanvue;
        this.clock = clock;
    }

    /** Starts an authorization of {@code kind} for the tenant's agency. */
    public Uni<ConnectStart> start(Tenant tenant, String kind) {
        UUID id = UUID.randomUUID();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Pkce pkce = Pkce.create();
        Instant expiresAt = clock.instant().plus(config.stateTtl());
        PendingAuthorization pending = new PendingAuthorization(
                id,
                tenant.agencyId(),
                tenant.subject(),
                kind,
                hash(state),
                secrets.sealVerifier(id, pkce.verifier()),
                config.redirectUri(),
                config.scopes(),
                expiresAt);
        URI url = fanvue.oauth().authorizeUrl(config.redirectUri(), config.scopes(), state, pkce.challenge());
        return states.insert(pending).replaceWith(new ConnectStart(url, expiresAt));
    }

    /** Completes the authorization {@code state} started by {@code subject}: exchange, identify, store. */
    public Uni<StoredConnection> complete(String subject, String code, String state) {
        return states.consume(hash(state))
                .map(pending -> usable(pending, subject))
                .call(pending -> stillAdmin(pending))
                .chain(pending -> exchange(pending, code)
                        .chain(tokens -> identify(tokens).chain(user -> store(pending, tokens, user))));
    }

    private PendingAuthorization usable(PendingAuthorization pending, String subject) {
        if (pending == null) {
            throw new ProblemException(
                    400, "oauth_state_invalid", "Invalid state", "This authorization is unknown or was already used.");
        }
        if (!pending.expiresAt().isAfter(clock.instant())) {
            throw new ProblemException(
                    400, "oauth_state_expired", "Expired state", "This authorization expired: start connecting again.");
        }
        if (!pending.userSub().equals(subject)) {
            throw new ProblemException(
                    400, "oauth_state_invalid", "Invalid state", "This authorization was started by another user.");
        }
        return pending;
    }

    private Uni<Void> stillAdmin(PendingAuthorization pending) {
        return members.findByAgencyAndSubject(pending.agencyId(), pending.userSub())
                .invoke(member -> {
                    if (member == null || !Tenant.ADMIN.equals(member.role)) {
                        throw new ProblemException(
                                403,
                                "agency_admin_required",
                                "Agency admin required",
                                "Only an agency admin may connect.");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<FanvueTokens> exchange(PendingAuthorization pending, String code) {
        return fanvue.oauth()
                .exchangeCode(code, pending.redirectUri(), secrets.openVerifier(pending))
                .onFailure(FanvueException.OAuthError.class)
                .transform(failure -> new ProblemException(
                        400,
                        "fanvue_code_rejected",
                        "Fanvue rejected the code",
                        "Fanvue did not accept this authorization code: start connecting again."))
                .onFailure(FanvueException.class)
                .transform(FanvueFailures::unavailable);
    }

    private Uni<FanvueUser> identify(FanvueTokens tokens) {
        return fanvue.api(FanvueCredentials.ofAccessToken(tokens.accessToken()))
                .me()
                .onFailure(FanvueException.class)
                .transform(FanvueFailures::unavailable);
    }

    private Uni<StoredConnection> store(PendingAuthorization pending, FanvueTokens tokens, FanvueUser user) {
        UUID fanvueUser = fanvueUserId(user);
        UUID id = UUID.randomUUID();
        List<String> scopes = tokens.scope() == null || tokens.scope().isBlank()
                ? pending.scopes()
                : Arrays.asList(tokens.scope().trim().split("\\s+"));
        return connections.replaceLive(new NewConnection(
                id,
                pending.agencyId(),
                pending.kind(),
                fanvueUser,
                user.handle(),
                scopes,
                secrets.sealAccess(id, tokens.accessToken()),
                secrets.sealRefresh(id, tokens.refreshToken()),
                clock.instant(),
                clock.instant().plusSeconds(tokens.expiresIn()),
                pending.userSub()));
    }

    /** Fanvue's user uuid; anything else is an answer we cannot store, reported as Fanvue's fault, not ours. */
    private static UUID fanvueUserId(FanvueUser user) {
        try {
            return UUID.fromString(user.uuid());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    502,
                    "fanvue_unexpected_answer",
                    "Unexpected answer from Fanvue",
                    "Fanvue sent a user id that is not a UUID.");
        }
    }

    private static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Where to send the user's browser.
     *
     * @param authorizeUrl Fanvue's authorization URL with every PKCE parameter
     * @param expiresAt when the authorization stops being accepted
     */
    public record ConnectStart(URI authorizeUrl, Instant expiresAt) {}
}
