package com.onyxos.auth.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Asserts problem+json answers: status, stable code, and nothing that leaks internals. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    public static ValidatableResponse assertProblem(Response response, int status, String code) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("title", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("com.onyxos")));
    }
}
