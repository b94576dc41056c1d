package com.onyxos.stats.config;

import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.security.TenantResolver;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestTokens;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.stats.bench.BenchmarkProfile;
import com.onyxos.stats.testing.StatsDb;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The memberships cache as production runs it (the other tests switch it off): an agency's two-factor policy is
 * applied per token, whether the answer for the same member came from the cache or the database.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(PostgresResource.class)
class CachedTenantResolverTest {

    @Inject
    TenantResolver resolver;

    private UUID agency;

    @BeforeEach
    void agencyRequiringTwoFactor() {
        TestDatabase.truncateAll();
        agency = TestTenants.seed().agencyA();
        StatsDb.update("update agencies set require_mfa = true where id = ?", agency);
    }

    @Test
    void theCachedResolverIsTheOneInUse() {
        Assertions.assertThat(resolver).isInstanceOf(CachedTenantResolver.class);
    }

    @Test
    void aProviderCheckedSecondFactorPassesAndATokenWithoutOneIsRefusedEveryTime() {
        String withMfa = TestTokens.mint(TestUsers.AGENCY_MEMBER, Map.of("amr", List.of("pwd", "mfa")));
        String passwordOnly = TestTokens.mint(TestUsers.AGENCY_MEMBER, Map.of("amr", List.of("pwd")));
        for (int round = 0; round < 3; round++) {
            creators(withMfa).then().statusCode(200);
            creators(passwordOnly).then().statusCode(403).body("code", equalTo(TenantResolver.MFA_ENROLLMENT_REQUIRED));
        }
    }

    private static Response creators(String token) {
        return RestAssured.given().auth().oauth2(token).get("/api/creators");
    }
}
