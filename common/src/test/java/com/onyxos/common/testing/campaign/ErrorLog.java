package com.onyxos.common.testing.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the ERROR (and worse) log records of this JVM while open: a client's mistake must never log one. */
final class ErrorLog extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new ArrayList<>();

    ErrorLog() {
        setLevel(Level.SEVERE);
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            records.add(record);
        }
    }

    /** The records logged since the last call, as "logger: message" lines. */
    synchronized List<String> drain() {
        List<String> lines = new ArrayList<>();
        for (LogRecord record : records) {
            lines.add(record.getLoggerName() + ": " + record.getMessage());
        }
        records.clear();
        return lines;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
