package com.onyxos.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo agency, prepared end to end on first start through the public APIs as its admin would: created for the
 * demo user (with a member), connected to the simulator's first agency through Fanvue OAuth, creators imported,
 * vault synced with ROI, stats refreshed. The simulator keeps its tokens in memory, so on every later start the
 * stack's live Fanvue connections are authorized again (same Fanvue user) before anything uses them.
 */
final class DemoAgency {

    static final String MARKER = "demo-agency.json";

    private DemoAgency() {}

    /** Whether the demo agency was prepared in this data folder. */
    static boolean prepared(Path dataDir) {
        return Files.exists(dataDir.resolve(MARKER));
    }

    /** Prepares the demo agency; returns its id. */
    static String prepare(StackConfig config, StackApi admin, Consumer<String> out) {
        String agencyId = admin.post("/api/agencies", Map.of("name", config.get("demo.agency-name")))
                .expect(201, "POST /api/agencies")
                .at("/id");
        StackApi agency = admin.inAgency(agencyId);
        agency.post("/api/agency/members", Map.of("userSub", config.get("demo.member"), "role", "member"))
                .expect(201, "POST /api/agency/members");
        String fanvueUser = FanvueConnect.connect(agency, null).at("/fanvueHandle");
        out.accept("agency \"" + config.get("demo.agency-name") + "\" created for " + config.get("demo.admin")
                + ", connected to Fanvue as " + fanvueUser);
        JsonNode imported = StatsSteps.importCreators(agency);
        out.accept("creators imported: " + imported.path("inserted").asInt() + " new");
        int assets = 0;
        for (JsonNode run : VaultSyncFollower.syncAll(agency, event -> {})) {
            assets += run.path("inserted").asInt()
                    + run.path("updated").asInt()
                    + run.path("unchanged").asInt();
        }
        agency.post("/api/vault/roi/calculate", Map.of("fromFanvue", true))
                .expect(200, "POST /api/vault/roi/calculate");
        out.accept("vault synced: " + assets + " assets, ROI calculated from Fanvue's messages and earnings");
        JsonNode refreshed = StatsSteps.refreshAll(agency);
        out.accept("stats refreshed: " + refreshed.path("refreshed").asLong() + " figures");
        write(config.dataDir().resolve(MARKER), Map.of("agencyId", agencyId, "admin", config.get("demo.admin")));
        return agencyId;
    }

    /**
     * Authorizes again every live Fanvue connection of the stack (the restarted simulator forgot their tokens), as
     * the admin who made it and for the same Fanvue user; returns the agencies reconnected.
     */
    static List<String> reconnect(LocalDatabase database, LocalIssuer issuer, StackApi api) {
        List<String> agencies = new ArrayList<>();
        for (String[] connection : liveConnections(database)) {
            // The issuer stands in for the admin's provider, which checked a second factor (amr) for this login.
            String token = issuer.mintWithSecondFactor(connection[1], DemoUsers.USER_TOKEN_LIFETIME);
            FanvueConnect.connect(api.as(token).inAgency(connection[0]), connection[2]);
            agencies.add(connection[0]);
        }
        return agencies;
    }

    private static List<String[]> liveConnections(LocalDatabase database) {
        String sql = "select agency_id, connected_by, fanvue_user_id from agency_fanvue_connections"
                + " where kind = 'agency' and status in ('active', 'refreshing', 'reauth_required')";
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(new String[] {result.getString(1), result.getString(2), result.getString(3)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stack's Fanvue connections", e);
        }
        return rows;
    }

    private static void write(Path file, Map<String, String> content) {
        try {
            Files.writeString(file, StackApi.write(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
