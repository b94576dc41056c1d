package com.onyxos.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports nothing listens on right now, for tests that start servers. */
final class FreePorts {

    private FreePorts() {}

    static int one() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Six distinct free ports for a whole stack. */
    static Ports stack() {
        int[] ports = new int[6];
        for (int i = 0; i < ports.length; i++) {
            int candidate;
            do {
                candidate = one();
            } while (contains(ports, candidate));
            ports[i] = candidate;
        }
        return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
    }

    private static boolean contains(int[] ports, int port) {
        for (int p : ports) {
            if (p == port) {
                return true;
            }
        }
        return false;
    }
}
