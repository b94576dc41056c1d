package com.onyxos.vault.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.onyxos.common.security.TenantResolver;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestTokens;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.job.StaleRunCloser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vault sync against the Fanvue simulator: the seed's contract, idempotency, removals, folders, faults, tenancy. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class VaultSyncTest {

    @Inject
    StaleRunCloser staleRuns;

    private VaultWorld world;
    private UUID creator;
    private String creatorUuid;

    @BeforeEach
    void world() {
        world = VaultWorld.create();
        creator = world.creatorIds.get(0);
        creatorUuid = world.creatorUuids.get(0);
    }

    private Response sync(Map<String, ?> body) {
        return TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/vault/sync-fanvue");
    }

    private Response syncCreator() {
        return sync(Map.of("modelId", creator.toString()));
    }

    private static long assets(String where) {
        return VaultWorld.count("select count(*) from content_assets where " + where);
    }

    private String firstFolder() {
        return VaultWorld.text("select fanvue_folder from content_assets where model_id = '" + creator
                + "' group by fanvue_folder order by count(*) desc, fanvue_folder limit 1");
    }

    @Test
    void oneCreatorsSyncAnswersTheSeedContract() {
        Response response = syncCreator();

        response.then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", startsWith("Synced "))
                .body("errors", hasSize(0));
        int synced = response.path("assetsSynced");
        assertThat(response.<String>path("message")).isEqualTo("Synced " + synced + " assets from Fanvue Vault");
        assertThat(synced).isPositive().isEqualTo(response.<Integer>path("inserted"));
        assertThat(assets("model_id = '" + creator + "'")).isEqualTo(synced);
        assertThat(assets("not ('fanvue-vault' = any(tags)) or content_type <> 'ppv'"))
                .isZero();
        assertThat(assets("not (fanvue_folder = any(fanvue_folders))")).isZero();
        assertThat(assets("cardinality(fanvue_folders) > 1"))
                .as("media in two folders")
                .isPositive();
        assertThat(assets("file_name = fanvue_folder || '-' || fanvue_media_uuid"))
                .as("nameless media")
                .isPositive();
        assertThat(response.<String>path("runId")).isNotNull();
    }

    @Test
    void anUnchangedResyncWritesNothing() {
        int synced = syncCreator().path("assetsSynced");
        String lastWrite = VaultWorld.text("select max(updated_at)::text from content_assets");

        syncCreator()
                .then()
                .statusCode(200)
                .body("inserted", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(synced))
                .body("assetsSynced", equalTo(synced));

        assertThat(VaultWorld.text("select max(updated_at)::text from content_assets"))
                .isEqualTo(lastWrite);
    }

    @Test
    void whatAUserEditedSurvivesAResync() {
        syncCreator();
        VaultWorld.execute("update content_assets set content_type = 'teaser', user_tags = '{favourite}'");

        syncCreator().then().statusCode(200);

        assertThat(assets("content_type <> 'teaser' or user_tags <> '{favourite}'"))
                .isZero();
    }

    @Test
    void aRenamedFolderUpdatesItsAssets() {
        syncCreator();
        String folder = firstFolder();
        long inFolder = assets("'" + folder + "' = any(fanvue_folders)");

        VaultWorld.mutate(
                "PATCH", creatorUuid, "/folders/" + folder.replace(" ", "%20"), Map.of("name", "Renamed Set"));
        syncCreator().then().statusCode(200).body("updated", equalTo((int) inFolder));

        assertThat(assets("'" + folder + "' = any(fanvue_folders) or '" + folder + "' = any(tags)"))
                .isZero();
        assertThat(assets("'Renamed Set' = any(fanvue_folders) and 'Renamed Set' = any(tags)"))
                .isEqualTo(inFolder);
    }

    @Test
    void removalsWaitForACompleteSuccessfulPass() {
        syncCreator();
        String gone =
                VaultWorld.text("select fanvue_media_uuid from content_assets where cardinality(fanvue_folders) = 1"
                        + " and model_id = '" + creator + "' order by fanvue_media_uuid limit 1");
        String otherFolder = VaultWorld.text("select fanvue_folder from content_assets where model_id = '" + creator
                + "' and fanvue_folder <> (select fanvue_folder from content_assets where fanvue_media_uuid = '" + gone
                + "') limit 1");
        VaultWorld.mutate("DELETE", creatorUuid, "/media/" + gone, null);
        SimulatorAdmin.addFault(Map.of(
                "path",
                "/creators/*/vault/folders/" + otherFolder.replace(" ", "%20") + "/media",
                "kind",
                "error",
                "status",
                500));

        Response partial = syncCreator();

        partial.then().statusCode(200).body("removed", equalTo(0)).body("success", equalTo(true));
        assertThat(partial.<List<String>>path("errors"))
                .singleElement()
                .asString()
                .startsWith("Failed to sync folder " + otherFolder + ": ");
        assertThat(assets("status = 'removed'")).isZero();
        assertThat(assets("'" + otherFolder + "' = any(fanvue_folders)"))
                .as("failed folder kept")
                .isPositive();

        SimulatorAdmin.clearFaults();
        syncCreator().then().statusCode(200).body("removed", equalTo(1));
        assertThat(assets("status = 'removed' and fanvue_media_uuid = '" + gone + "'"))
                .isEqualTo(1);
    }

    @Test
    void addedMediaArrivesAndMovedMediaChangesFolder() {
        syncCreator();
        String folder = firstFolder();
        VaultWorld.mutate(
                "POST", creatorUuid, "/media", Map.of("folderName", folder, "mediaType", "video", "name", "new.mp4"));

        syncCreator().then().statusCode(200).body("inserted", equalTo(1));

        assertThat(assets("file_name = 'new.mp4' and media_type = 'video' and '" + folder + "' = any(tags)"))
                .isEqualTo(1);
    }

    @Test
    void aSelectiveSyncTouchesOnlyItsFoldersAndRemovesNothing() {
        syncCreator();
        String folder = firstFolder();
        VaultWorld.execute("delete from content_assets");

        sync(Map.of("modelId", creator.toString(), "folders", List.of(folder)))
                .then()
                .statusCode(200);

        assertThat(assets("not ('" + folder + "' = any(fanvue_folders))")).isZero();
        assertThat(assets("true")).isPositive();
        sync(Map.of("modelId", creator.toString(), "mediaTypes", List.of("audio")))
                .then()
                .statusCode(200)
                .body("removed", equalTo(0));
    }

    @Test
    void savedDefaultsMakeEverySyncSelectiveAndOnlyAdminsSaveThem() {
        syncCreator();
        String folder = firstFolder();
        VaultWorld.execute("delete from content_assets");
        Map<String, Object> defaults = Map.of("folders", List.of(folder), "scheduleEnabled", false);
        TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(defaults)
                .put("/api/vault/settings")
                .then()
                .statusCode(403);
        TestUsers.AGENCY_ADMIN
                .request()
                .contentType(ContentType.JSON)
                .body(defaults)
                .put("/api/vault/settings")
                .then()
                .statusCode(200)
                .body("folders", hasItem(folder))
                .body("scheduleEnabled", equalTo(false));

        syncCreator().then().statusCode(200).body("removed", equalTo(0));

        assertThat(assets("not ('" + folder + "' = any(fanvue_folders))")).isZero();
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/vault/settings")
                .then()
                .body("updatedBy", equalTo(TestUsers.AGENCY_ADMIN.subject()));
    }

    @Test
    void aCreatorWithoutATokenIsA409ProblemAndARecordedRun() {
        TokenBrokerStub.notConnected();

        syncCreator()
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("fanvue_not_connected"))
                .body("detail", startsWith("No Fanvue access token for this model"));

        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/vault/sync-runs")
                .then()
                .body("[0].status", equalTo("failed"))
                .body("[0].errors", hasItem("No Fanvue access token for this model"));
    }

    @Test
    void twoRequestsAtOnceShareOneRun() {
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/vault/folders", "kind", "delay", "delayMs", 500));

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(this::syncCreator);
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(this::syncCreator);

        String firstRun = first.join().then().statusCode(200).extract().path("runId");
        String secondRun = second.join().then().statusCode(200).extract().path("runId");
        assertThat(firstRun).isEqualTo(secondRun);
        assertThat(VaultWorld.count("select count(*) from sync_runs")).isEqualTo(1);
    }

    @Test
    void anAgencySyncCoversEveryActiveCreator() {
        Response response = sync(Map.of());

        response.then().statusCode(200).body("success", equalTo(true)).body("runIds", hasSize(world.creatorIds.size()));
        assertThat(VaultWorld.count("select count(distinct model_id) from content_assets"))
                .isEqualTo(world.creatorIds.size());
        assertThat(SimulatorAdmin.stats().getLong("tooManyRequests")).isZero();
    }

    @Test
    void asyncAnswers202AndTheRunCanBeFollowed() {
        String runId = sync(Map.of("modelId", creator.toString(), "async", true))
                .then()
                .statusCode(202)
                .extract()
                .path("runIds[0]");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status;
        do {
            status = TestUsers.AGENCY_MEMBER
                    .request()
                    .get("/api/vault/sync-runs/" + runId)
                    .path("status");
        } while ("running".equals(status) && System.nanoTime() < deadline);
        assertThat(status).isEqualTo("succeeded");
    }

    @Test
    void theEventStreamEndsWithTheRunsFinalCounts() {
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/vault/folders/*/media", "kind", "delay", "delayMs", 100));
        String runId =
                sync(Map.of("modelId", creator.toString(), "async", true)).path("runIds[0]");

        String stream = TestUsers.AGENCY_MEMBER
                .request()
                .accept("text/event-stream")
                .get("/api/vault/sync-runs/" + runId + "/events")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        Response run = TestUsers.AGENCY_MEMBER.request().get("/api/vault/sync-runs/" + runId);
        List<String> events =
                stream.lines().filter(line -> line.startsWith("data:")).toList();
        assertThat(events).as(stream).hasSizeGreaterThan(1);
        assertThat(events.get(0)).contains("\"type\":\"progress\"");
        String last = events.get(events.size() - 1);
        assertThat(last)
                .contains("\"type\":\"finished\"")
                .contains("\"status\":\"succeeded\"")
                .contains("\"inserted\":" + run.<Integer>path("inserted"));
        TestUsers.OTHER_AGENCY_USER
                .request()
                .get("/api/vault/sync-runs/" + runId + "/events")
                .then()
                .statusCode(404);
    }

    @Test
    void theEventStreamFollowsTheAgencysTwoFactorRuleLikeEveryOtherEndpoint() {
        String runId = syncCreator().then().statusCode(200).extract().path("runId");
        VaultWorld.execute("update agencies set require_mfa = true where id = '" + world.tenants.agencyA() + "'");
        String providerChecked = TestTokens.mint(TestUsers.AGENCY_MEMBER, Map.of("amr", List.of("pwd", "mfa")));
        String passwordOnly = TestTokens.mint(TestUsers.AGENCY_MEMBER, Map.of("amr", List.of("pwd")));

        for (String path : List.of("/api/vault/sync-runs/" + runId, "/api/vault/sync-runs/" + runId + "/events")) {
            given().auth()
                    .oauth2(providerChecked)
                    .accept(path.endsWith("/events") ? "text/event-stream" : "application/json")
                    .get(path)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(passwordOnly)
                    .get(path)
                    .then()
                    .statusCode(403)
                    .body("code", equalTo(TenantResolver.MFA_ENROLLMENT_REQUIRED));
        }
    }

    @Test
    void anotherAgencySeesNeitherRunsNorCreators() {
        String runId = syncCreator().path("runId");

        TestUsers.OTHER_AGENCY_USER
                .request()
                .get("/api/vault/sync-runs/" + runId)
                .then()
                .statusCode(404);
        TestUsers.OTHER_AGENCY_USER.request().get("/api/vault/sync-runs").then().body("$", hasSize(0));
        TestUsers.OTHER_AGENCY_USER
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", creator.toString()))
                .post("/api/vault/sync-fanvue")
                .then()
                .statusCode(404)
                .body("code", equalTo("creator_not_found"));
    }

    @Test
    void aRateLimitStormIsWaitedOutWithoutEarlyRequests() {
        SimulatorAdmin.addFault(Map.of(
                "path", "/creators/*/vault/folders/*/media", "kind", "rateLimit", "retryAfterSeconds", 1, "count", 3));

        syncCreator().then().statusCode(200).body("errors", hasSize(0));

        // The simulator flags any request reaching a blocked bucket, including ones already in flight when the 429
        // left it (two folders are read at once). What the client controls: nothing it sends after learning of a 429
        // reaches the bucket before Retry-After. On loopback a request in flight arrives within a few ms.
        List<Map<String, Object>> journal = SimulatorAdmin.journal(Map.of());
        assertThat(SimulatorAdmin.stats().getLong("tooManyRequests")).isGreaterThanOrEqualTo(3);
        for (Map<String, Object> limited : journal) {
            if (!Integer.valueOf(429).equals(limited.get("status"))) {
                continue;
            }
            Instant blockedFrom = Instant.parse((String) limited.get("at"));
            assertThat(journal)
                    .filteredOn(entry -> entry.get("bucket").equals(limited.get("bucket")))
                    .map(entry -> Instant.parse((String) entry.get("at")))
                    .noneMatch(at -> at.isAfter(blockedFrom.plusMillis(50)) && at.isBefore(blockedFrom.plusSeconds(1)));
            // And the retry of the very request that got the 429 waits the whole Retry-After.
            assertThat(journal)
                    .filteredOn(entry -> entry.get("path").equals(limited.get("path"))
                            && entry.get("query").equals(limited.get("query"))
                            && ((Number) entry.get("seq")).longValue() > ((Number) limited.get("seq")).longValue())
                    .map(entry -> Instant.parse((String) entry.get("at")))
                    .allMatch(at -> !at.isBefore(blockedFrom.plusSeconds(1)));
        }
    }

    @Test
    void pagesThatNeverEndFailTheirFolderOnly() {
        SimulatorAdmin.addFault(
                Map.of("path", "/creators/*/vault/folders/*/media", "kind", "hasMoreForever", "count", 1000));

        Response response = syncCreator();

        response.then().statusCode(200).body("removed", equalTo(0));
        assertThat(response.<List<String>>path("errors")).isNotEmpty().allSatisfy(error -> assertThat(error)
                .startsWith("Failed to sync folder ")
                .contains("paginates without end"));
    }

    @Test
    void aRunLeftRunningByADeadProcessIsClosedAndTheNextSyncConverges() {
        syncCreator();
        VaultWorld.execute("insert into sync_runs (agency_id, model_id, trigger, heartbeat_at) values ('"
                + world.tenants.agencyA() + "', '" + creator + "', 'manual', now() - interval '1 hour')");
        VaultWorld.execute("update content_assets set file_name = 'half-written'");

        assertThat(staleRuns.closeStale().await().atMost(Duration.ofSeconds(10)))
                .isEqualTo(1);
        syncCreator().then().statusCode(200);

        assertThat(assets("file_name = 'half-written'")).isZero();
        assertThat(VaultWorld.count("select count(*) from sync_runs where status = 'running'"))
                .isZero();
    }

    @Test
    void theJobEndpointSyncsEveryAgencyAndTwoCallsAtOnceAreHarmless() {
        CompletableFuture<Response> first =
                CompletableFuture.supplyAsync(() -> TestUsers.SERVICE.request().post("/internal/v1/jobs/vault-sync"));
        CompletableFuture<Response> second =
                CompletableFuture.supplyAsync(() -> TestUsers.SERVICE.request().post("/internal/v1/jobs/vault-sync"));
        first.join().then().statusCode(202);
        second.join().then().statusCode(202);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (VaultWorld.count("select count(*) from sync_runs where status = 'running'") > 0
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(VaultWorld.count("select count(*) from sync_runs where status = 'succeeded'"))
                .isBetween((long) world.creatorIds.size(), 2L * world.creatorIds.size());
        assertThat(VaultWorld.count("select count(distinct model_id) from content_assets"))
                .isEqualTo(world.creatorIds.size());
        TestUsers.AGENCY_ADMIN
                .request()
                .post("/internal/v1/jobs/vault-sync")
                .then()
                .statusCode(403);
    }

    @Test
    void badInputIsAProblem() {
        sync(Map.of("modelId", "not-a-uuid")).then().statusCode(400);
        sync(Map.of("modelId", UUID.randomUUID().toString())).then().statusCode(404);
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/vault/sync-runs/nope")
                .then()
                .statusCode(404);
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/vault/sync-runs?limit=0")
                .then()
                .statusCode(400);
    }
}
