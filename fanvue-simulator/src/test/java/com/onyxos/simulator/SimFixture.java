package com.onyxos.simulator;

import static io.restassured.RestAssured.given;

import com.onyxos.simulator.control.TokenRequest;
import com.onyxos.simulator.world.Agency;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An in-process simulator for one test class, with helpers to call it the way a Fanvue client does. */
public final class SimFixture implements AutoCloseable {
    public static final String VERSION = "2025-06-26";
    public static final String[] ALL_SCOPES = {
        "openid",
        "offline_access",
        "read:self",
        "read:chat",
        "read:fan",
        "read:creator",
        "read:media",
        "read:post",
        "read:insights",
        "read:tracking_links",
        "read:agency"
    };

    public final FanvueSimulator sim;

    private SimFixture(FanvueSimulator sim) {
        this.sim = sim;
    }

    public static SimFixture start() {
        return start(SimulatorSettings.defaults().withRateLimitCapacity(100_000));
    }

    public static SimFixture start(SimulatorSettings settings) {
        return new SimFixture(FanvueSimulator.start(settings));
    }

    public Agency agency(int index) {
        return sim.world().agencies().get(index);
    }

    public String admin(int agency) {
        return agency(agency).admin().uuid();
    }

    public String creator(int agency, int index) {
        return agency(agency).creatorUuids().get(index);
    }

    public String token(String userUuid, String... scopes) {
        return sim.control()
                .issueToken(TokenRequest.of(userUuid, List.of(scopes)))
                .accessToken();
    }

    public String fullToken(String userUuid) {
        return token(userUuid, ALL_SCOPES);
    }

    /** A request with the version header and the bearer token, as a Fanvue client sends it; paths go as given. */
    public RequestSpecification api(String token) {
        return given().baseUri(sim.baseUrl())
                .urlEncodingEnabled(false)
                .header("X-Fanvue-API-Version", VERSION)
                .header("Authorization", "Bearer " + token);
    }

    public RequestSpecification plain() {
        return given().baseUri(sim.baseUrl());
    }

    /** Every item of a page-style endpoint, walking pages of {@code size} while {@code hasMore}. */
    public List<Map<String, Object>> allPages(String token, String path, int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; page < 10_000; page++) {
            JsonPath json = api(token)
                    .queryParam("page", page)
                    .queryParam("size", size)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(json.getList("data"));
            if (!json.getBoolean("pagination.hasMore")) {
                return all;
            }
        }
        throw new AssertionError("endless pages on " + path);
    }

    /** Every item of a cursor-style endpoint, following {@code nextCursor} until null. */
    public List<Map<String, Object>> allCursor(String token, String path, String sizeParam, int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10_000; i++) {
            RequestSpecification request = api(token).queryParam(sizeParam, size);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath json = request.get(path).then().statusCode(200).extract().jsonPath();
            all.addAll(json.getList("data"));
            cursor = json.getString("nextCursor");
            if (cursor == null) {
                return all;
            }
        }
        throw new AssertionError("endless cursor on " + path);
    }

    @Override
    public void close() {
        sim.close();
    }
}
