package com.onyxos.common.broker;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks auth-service's broker for Fanvue access tokens, with this call's fault tolerance in one place: a timeout,
 * retries with jitter for an unreachable or failing broker, and a breaker; "not connected" is an answer, not a fault.
 * The call carries this service's {@link ServiceCredentials}; a 401 renews them once.
 */
@ApplicationScoped
public class FanvueTokenBrokerClient {

    private final TokenBrokerApi api;
    private final ServiceCredentials credentials;

    public FanvueTokenBrokerClient(@RestClient TokenBrokerApi api, ServiceCredentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    /**
     * A token for the agency's creator ({@code creatorId} null for agency-wide reads).
     *
     * @param rejected a token Fanvue just refused, or null
     * @param source {@code personal} for the creator's own connection only (a creator the agency connection does
     *     not manage), null for the broker's order: the agency connection, then the creator's personal one
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 3,
            delay = 200,
            jitter = 150,
            retryOn = {BrokerUnavailableException.class, ProcessingException.class})
    @ExponentialBackoff
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            skipOn = FanvueNotConnectedException.class)
    public Uni<BrokeredAccess> token(UUID agencyId, UUID creatorId, String rejected, String source) {
        TokenBrokerApi.TokenQuery query = new TokenBrokerApi.TokenQuery(agencyId, creatorId, rejected, source);
        return credentials
                .bearer()
                .chain(bearer -> ask(bearer, query))
                .onFailure(ServiceCredentialsRejectedException.class)
                .recoverWithUni(refused -> credentials.renewable()
                        ? credentials.renewedBearer().chain(bearer -> ask(bearer, query))
                        : Uni.createFrom().failure(refused));
    }

    private Uni<BrokeredAccess> ask(String bearer, TokenBrokerApi.TokenQuery query) {
        return api.token("Bearer " + bearer, query)
                .map(answer -> new BrokeredAccess(
                        answer.accessToken(), answer.expiresAt(), answer.source(), answer.fanvueUserId()));
    }

    /**
     * A Fanvue access token from the broker; {@link #toString()} leaves the token out.
     *
     * @param accessToken the bearer token for Fanvue
     * @param expiresAt when it expires
     * @param source {@code agency} (read the creator through {@code /creators/{c}/...}) or {@code personal} (the
     *     creator's own token: self paths)
     * @param fanvueUserId the Fanvue user the token acts as
     */
    public record BrokeredAccess(String accessToken, Instant expiresAt, String source, UUID fanvueUserId) {
        public boolean personal() {
            return "personal".equals(source);
        }

        @Override
        public String toString() {
            return "BrokeredAccess[source=" + source + ", expiresAt=" + expiresAt + "]";
        }
    }
}
