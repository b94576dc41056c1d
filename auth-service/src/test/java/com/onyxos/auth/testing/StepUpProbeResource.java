package com.onyxos.auth.testing;

import com.onyxos.common.security.StepUp;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Test-only endpoint guarded by {@link StepUp#require}, the way other services' sensitive endpoints use it. */
@Path("/test/step-up-probe")
@Authenticated
public class StepUpProbeResource {

    private final JsonWebToken token;
    private final StepUp stepUp;

    public StepUpProbeResource(JsonWebToken token, StepUp stepUp) {
        this.token = token;
        this.stepUp = stepUp;
    }

    @GET
    public Uni<Response> probe() {
        return stepUp.require(token).replaceWith(() -> Response.noContent().build());
    }
}
