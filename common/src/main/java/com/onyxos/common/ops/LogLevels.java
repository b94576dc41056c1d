package com.onyxos.common.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads and changes logger levels at runtime. Messages below {@code quarkus.log.min-level} (DEBUG by default) are
 * compiled out, so TRACE only shows where that property allows it.
 */
@ApplicationScoped
public class LogLevels {

    /** A logger category: a dotted name such as {@code com.onyxos.vault}. The root logger cannot be changed here. */
    public static final String CATEGORY = "^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$";

    public OpsResource.LogLevelState get(String category) {
        Logger logger = Logger.getLogger(category);
        Level own = logger.getLevel();
        return new OpsResource.LogLevelState(
                category, own == null ? null : LogLevel.of(own), LogLevel.of(effectiveLevel(logger)));
    }

    public OpsResource.LogLevelState set(String category, LogLevel level) {
        Logger.getLogger(category).setLevel(level.julLevel());
        return get(category);
    }

    private static Level effectiveLevel(Logger logger) {
        for (Logger current = logger; current != null; current = current.getParent()) {
            if (current.getLevel() != null) {
                return current.getLevel();
            }
        }
        return Level.INFO;
    }
}
