package com.onyxos.common.broker;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

/** auth-service's internal token broker, as a REST client; {@link FanvueTokenBrokerClient} is the way to call it. */
@RegisterRestClient(configKey = "token-broker")
@Path("/internal/v1/fanvue-tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface TokenBrokerApi {

    @POST
    Uni<TokenAnswer> token(@HeaderParam("Authorization") String authorization, TokenQuery query);

    /**
     * 404 is an expected answer (no connection); 5xx may pass; 401 asks for new service credentials; anything else is
     * our bug or configuration.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 404) {
            String detail =
                    response.hasEntity() ? response.readEntity(Problem.class).detail() : null;
            return new FanvueNotConnectedException(detail);
        }
        if (status >= 500) {
            return new BrokerUnavailableException("token broker answered " + status);
        }
        if (status == 401) {
            return new ServiceCredentialsRejectedException("token broker refused this service's credentials (401)");
        }
        return new ClientWebApplicationException("token broker refused the request: " + status, status);
    }

    /** The fields of the broker's problem answer that matter here. */
    record Problem(String code, String detail) {}

    /** What we ask for. */
    record TokenQuery(UUID agencyId, UUID creatorId, String rejectedAccessToken, String source) {
        @Override
        public String toString() {
            return "TokenQuery[agency=" + agencyId + ", creator=" + creatorId + "]";
        }
    }

    /** What the broker answers. */
    record TokenAnswer(String accessToken, Instant expiresAt, String source, UUID fanvueUserId) {
        @Override
        public String toString() {
            return "TokenAnswer[source=" + source + ", expiresAt=" + expiresAt + "]";
        }
    }
}
