package com.onyxos.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aTakenPortIsNamedWithWhatNeedsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Map<String, Integer> owners = new LinkedHashMap<>();
            owners.put("auth-service", taken.getLocalPort());
            owners.put("stats-service", FreePorts.one());

            assertThatThrownBy(() -> PortCheck.requireFree(owners))
                    .isInstanceOf(PortCheck.PortTakenException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " (auth-service) already in use")
                    .hasMessageNotContaining("stats-service")
                    .hasMessageContaining("--port-offset");
        }
    }

    @Test
    void aPortHeldOnTheWildcardAddressCountsAsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(PortCheck.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void everyTakenPortIsListed() throws Exception {
        try (ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0)) {
            assertThatThrownBy(() -> PortCheck.requireFree(Map.of("x", a.getLocalPort(), "y", b.getLocalPort())))
                    .hasMessageContaining("port " + a.getLocalPort() + " (x)")
                    .hasMessageContaining("port " + b.getLocalPort() + " (y)");
        }
    }

    @Test
    void freePortsPass() {
        PortCheck.requireFree(Map.of("a", FreePorts.one()));
        assertThat(PortCheck.isFree(FreePorts.one())).isTrue();
    }
}
