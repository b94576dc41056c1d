package com.onyxos.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds ports another program already holds, before the stack starts anything. */
public final class PortCheck {

    private PortCheck() {}

    /**
     * Throws {@link PortTakenException} naming every port of {@code owners} that cannot be bound on the loopback
     * address or the wildcard address.
     */
    public static void requireFree(Map<String, Integer> owners) {
        List<String> taken = new ArrayList<>();
        owners.forEach((owner, port) -> {
            if (!isFree(port)) {
                taken.add("port " + port + " (" + owner + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new PortTakenException(taken);
        }
    }

    /** Whether nothing listens on {@code port}, on 127.0.0.1 nor on the wildcard address. */
    public static boolean isFree(int port) {
        return canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                && canBind(new InetSocketAddress(port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the servers we start (Vert.x, PostgreSQL): a port in TIME_WAIT counts as free.
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Some ports the stack needs are in use; the message names them and what to do. */
    public static final class PortTakenException extends RuntimeException {

        public PortTakenException(List<String> taken) {
            super("Cannot start the local stack: " + String.join(", ", taken) + " already in use by another program."
                    + " Stop it (`ss -ltnp` shows who holds a port), or start the stack on other ports:"
                    + " ./run-local --port-offset 1000");
        }
    }
}
