package com.onyxos.common.run;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Who owns a run: the instance (host or pod name), the process and when it started, and a random suffix so two
 * owners never share an id (not even two in one JVM, as tests build them). Written to the run's {@code owner} column;
 * the owner's advisory lock key is {@code hashtext(id)}.
 */
record RunOwner(String id) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new owner id for {@code application} on {@code instance} (null: this host's name). */
    static RunOwner next(String application, String instance) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        Instant started =
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return new RunOwner(application + "@" + (instance == null ? host() : instance) + ":"
                + ProcessHandle.current().pid() + "/" + started + "/"
                + HexFormat.of().formatHex(suffix));
    }

    private static String host() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
