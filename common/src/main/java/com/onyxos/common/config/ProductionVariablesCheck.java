package com.onyxos.common.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps {@link ProductionVariables} in use, so Quarkus registers the mapping and checks it while it builds the
 * configuration — before any extension starts (an unused mapping would be dropped unchecked).
 */
@Startup
@ApplicationScoped
public class ProductionVariablesCheck {

    private static final Logger LOG = Logger.getLogger(ProductionVariablesCheck.class);

    public ProductionVariablesCheck(ProductionVariables variables) {
        variables.requiredVariables().ifPresent(names -> LOG.debugf("Production variables set: %s", names));
    }
}
