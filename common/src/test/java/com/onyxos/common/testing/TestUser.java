package com.onyxos.common.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.Set;

/**
 * A caller of our APIs in tests: an OIDC subject and the platform roles its token carries.
 *
 * @param subject the token's {@code sub}
 * @param roles platform roles in the token's {@code groups} claim (agency roles come from the database)
 */
public record TestUser(String subject, Set<String> roles) {

    /** A fresh bearer token for this user, valid for an hour. */
    public String token() {
        return TestTokens.mint(this);
    }

    /** A RestAssured request authenticated as this user. */
    public RequestSpecification request() {
        return RestAssured.given().auth().oauth2(token());
    }

    /** A RestAssured request authenticated as this user with a token carrying extra or replaced claims. */
    public RequestSpecification request(Map<String, Object> claims) {
        return RestAssured.given().auth().oauth2(TestTokens.mint(this, claims));
    }
}
