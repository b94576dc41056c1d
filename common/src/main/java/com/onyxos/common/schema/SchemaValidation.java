package com.onyxos.common.schema;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.jboss.logging.Logger;

/**
 * Validates the entities against the database schema at start. A mismatch stops the service with a message naming
 * it; an unreachable database does not: the service starts, readiness stays DOWN, and validation runs as soon as
 * the database answers. (Hibernate's own {@code validate} strategy would refuse to start without a database.)
 */
@ApplicationScoped
public class SchemaValidation {

    private static final Logger LOG = Logger.getLogger(SchemaValidation.class);

    /** Where validation stands. */
    public enum State {
        PENDING,
        VALID,
        INVALID
    }

    /** The state and, unless valid, why. */
    public record Status(State state, String reason) {}

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Pool pool;
    private volatile Status status = new Status(State.PENDING, "not validated yet");

    public SchemaValidation(Pool pool) {
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent event) {
        Status result = validate();
        if (result.state() == State.INVALID) {
            throw new IllegalStateException("Database schema does not match the entities: " + result.reason());
        }
        if (result.state() == State.PENDING) {
            LOG.warnf("Database unreachable at start (%s); schema validation waits for it", result.reason());
        }
    }

    /** The current status, validating first if that has not succeeded yet. Blocking: call off the event loop. */
    public synchronized Status status() {
        return status.state() == State.VALID ? status : validate();
    }

    private boolean databaseAnswers() {
        try {
            pool.query("select 1").execute().await().atMost(PROBE_TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("Database probe failed: %s", e.getMessage());
            return false;
        }
    }

    private synchronized Status validate() {
        SessionFactoryImplementor factory = SessionFactoryCapture.sessionFactory();
        if (factory == null) {
            status = new Status(State.VALID, null); // No persistence unit: nothing to validate.
            return status;
        }
        if (!databaseAnswers()) {
            status = new Status(State.PENDING, "database unreachable");
            return status;
        }
        try {
            factory.getSchemaManager().validateMappedObjects();
            status = new Status(State.VALID, null);
        } catch (SchemaManagementException e) {
            status = new Status(State.INVALID, e.getMessage());
        } catch (RuntimeException e) {
            // Hibernate Reactive reads the catalog over the reactive pool and reports a lost connection in many
            // shapes; whatever it was, the schema is not known to be wrong, so try again later.
            LOG.warn("Schema validation could not run; will retry", e);
            status = new Status(State.PENDING, "schema validation could not run");
        }
        return status;
    }
}
