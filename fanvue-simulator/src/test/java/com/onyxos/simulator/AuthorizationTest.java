package com.onyxos.simulator;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.onyxos.simulator.control.TokenRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens (401 shapes), scopes (403) and creator access (403 for non-admins, 404 for other agencies). */
class AuthorizationTest {
    static SimFixture fx;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void missingTokenIs401WithOnlyAnError() {
        fx.plain()
                .header("X-Fanvue-API-Version", SimFixture.VERSION)
                .get("/users/me")
                .then()
                .statusCode(401)
                .body("$", aMapWithSize(1))
                .body("error", notNullValue());
    }

    @Test
    void unknownTokenIs401() {
        fx.api("not-a-token").get("/users/me").then().statusCode(401).body("$", aMapWithSize(1));
    }

    @Test
    void expiredTokenIs401() {
        String token = fx.sim
                .control()
                .issueToken(TokenRequest.of(fx.admin(0), List.of("read:self")).withTtlSeconds(0))
                .accessToken();
        fx.api(token).get("/users/me").then().statusCode(401).body("error", containsString("expired"));
    }

    @Test
    void forcedExpiryHitsOnlyThatUsersTokens() {
        String victim = fx.token(fx.creator(1, 0), "read:self");
        String bystander = fx.token(fx.creator(1, 1), "read:self");
        fx.sim.control().expireTokens(fx.creator(1, 0));
        fx.api(victim).get("/users/me").then().statusCode(401);
        fx.api(bystander).get("/users/me").then().statusCode(200);
    }

    @Test
    void missingScopeIs403WithOnlyAnError() {
        String token = fx.token(fx.creator(0, 0), "read:self");
        fx.api(token)
                .get("/media")
                .then()
                .statusCode(403)
                .body("$", aMapWithSize(1))
                .body("error", containsString("read:media"));
    }

    @Test
    void creatorPathsNeedReadCreatorToo() {
        String token = fx.token(fx.admin(0), "read:media");
        fx.api(token).get("/creators/" + fx.creator(0, 0) + "/media").then().statusCode(403);
    }

    @Test
    void creatorPathsAnswerTheManagingAgencyAdmin() {
        fx.api(fx.fullToken(fx.admin(0)))
                .get("/creators/" + fx.creator(0, 0) + "/media")
                .then()
                .statusCode(200)
                .body("data", hasSize(15));
    }

    @Test
    void creatorPathsRefuseNonAdminsWith403() {
        String creatorToken = fx.fullToken(fx.creator(0, 1));
        fx.api(creatorToken)
                .get("/creators/" + fx.creator(0, 0) + "/media")
                .then()
                .statusCode(403)
                .body("$", aMapWithSize(1));
    }

    @Test
    void creatorOfAnotherAgencyOrUnknownIs404() {
        String token = fx.fullToken(fx.admin(0));
        fx.api(token)
                .get("/creators/" + fx.creator(1, 0) + "/media")
                .then()
                .statusCode(404)
                .body("$", aMapWithSize(1))
                .body("message", equalTo("Creator not found"));
        fx.api(token)
                .get("/creators/00000000-0000-4000-8000-000000000000/account")
                .then()
                .statusCode(404);
    }

    @Test
    void creatorsListsTheAgencysCreatorsAndIsEmptyForOthers() {
        fx.api(fx.fullToken(fx.admin(1)))
                .get("/creators")
                .then()
                .statusCode(200)
                .body("data.uuid", equalTo(fx.agency(1).creatorUuids()));
        fx.api(fx.fullToken(fx.creator(0, 0)))
                .get("/creators")
                .then()
                .statusCode(200)
                .body("data", empty())
                .body("pagination.hasMore", equalTo(false));
    }

    @Test
    void agencyEndpointsRefuseNonAdmins() {
        fx.api(fx.fullToken(fx.creator(0, 0)))
                .queryParam("startDate", "2026-10-01T00:00:00Z")
                .queryParam("endDate", "2026-11-01T00:00:00Z")
                .get("/agencies/earnings")
                .then()
                .statusCode(403)
                .body("$", aMapWithSize(1));
    }
}
