package com.onyxos.common.ops;

import org.jboss.logmanager.Level;

/** Log levels as operators name them, mapped to the JBoss LogManager levels Quarkus uses. */
public enum LogLevel {
    OFF(Level.OFF),
    FATAL(Level.FATAL),
    ERROR(Level.ERROR),
    WARN(Level.WARN),
    INFO(Level.INFO),
    DEBUG(Level.DEBUG),
    TRACE(Level.TRACE),
    ALL(Level.ALL);

    private final java.util.logging.Level level;

    LogLevel(java.util.logging.Level level) {
        this.level = level;
    }

    java.util.logging.Level julLevel() {
        return level;
    }

    /** The named level whose severity is the highest at or below {@code level}. */
    static LogLevel of(java.util.logging.Level level) {
        LogLevel match = ALL;
        for (LogLevel candidate : values()) {
            if (candidate.level.intValue() <= level.intValue() && candidate.level.intValue() > match.level.intValue()) {
                match = candidate;
            }
        }
        return match;
    }
}
