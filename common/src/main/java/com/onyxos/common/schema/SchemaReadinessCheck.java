package com.onyxos.common.schema;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the entities have been validated against the database schema. */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private final SchemaValidation validation;

    public SchemaReadinessCheck(SchemaValidation validation) {
        this.validation = validation;
    }

    @Override
    public HealthCheckResponse call() {
        SchemaValidation.Status status = validation.status();
        var response = HealthCheckResponse.named("Database schema")
                .withData("state", status.state().name());
        return status.state() == SchemaValidation.State.VALID
                ? response.up().build()
                : response.down().withData("reason", status.reason()).build();
    }
}
