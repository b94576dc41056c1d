package com.onyxos.local;

/** What the launcher prints once the stack is up: where everything is, the demo user's token, what to try. */
final class Banner {

    private Banner() {}

    static String text(LocalStack stack, String adminToken) {
        StackConfig config = stack.config();
        Ports ports = config.ports();
        String console = config.consoleUrl();
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "%nOnyxOS local stack is up (%.1f s).%n", stack.startTime().toMillis() / 1000.0));
        b.append("  Console            ")
                .append(console)
                .append("/#token=")
                .append(adminToken)
                .append('\n');
        b.append("  APIs (one origin)  ").append(console).append("/api/...  (auth, vault and stats behind one URL)\n");
        service(b, "auth-service", ports.auth());
        service(b, "vault-sync-service", ports.vault());
        service(b, "stats-service", ports.stats());
        b.append(String.format(
                "  %-18s http://localhost:%d  (admin API: /_simulator/world, /_simulator/faults)%n",
                "Fanvue simulator", ports.simulator()));
        b.append("  OIDC issuer        ").append(config.issuerUrl()).append("/.well-known/openid-configuration\n");
        b.append(String.format(
                "  PostgreSQL         postgresql://%s:%s@127.0.0.1:%d/%s%n",
                LocalDatabase.USER, LocalDatabase.PASSWORD, ports.postgres(), LocalDatabase.DATABASE));
        b.append("  Logs and config    ")
                .append(config.dataDir().resolve("run"))
                .append("/<service>/\n\n");
        b.append("Demo user ")
                .append(config.get("demo.admin"))
                .append(" (admin of ")
                .append(config.get("demo.agency-name"))
                .append("); bearer token, valid 12 h:\n");
        b.append("  export TOKEN=").append(adminToken).append('\n');
        b.append("  curl -s -H \"Authorization: Bearer $TOKEN\" ")
                .append(console)
                .append("/api/creators\n");
        b.append("Another token: ./run-local token admin|member|ops   or   curl -s -X POST '")
                .append(console)
                .append("/issuer/local/tokens?role=member'\n");
        b.append("The whole story (second agency, OAuth, sync with live progress, stats, ROI, 2FA, an outage):"
                + " ./run-local demo\n");
        b.append("Ctrl-C stops everything.\n");
        return b.toString();
    }

    private static void service(StringBuilder b, String name, int port) {
        b.append(String.format(
                "  %-18s http://localhost:%d  Swagger UI http://localhost:%d/q/swagger-ui%n", name, port, port));
    }
}
