package com.onyxos.auth.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key rotation in a running service: with a new primary key, rows sealed with the old one still read, and the ops
 * re-encryption moves them to the primary key; a ciphertext copied into another row never decrypts.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class KeyRotationTest {

    /** The old key alone; the %test ring in application.properties has k2 as primary and k1 beside it. */
    static final String K1 = "k1:s4wRSD3xl3btnxuos092uiB8BjzrJYYKOS3Pn/2cIN0=";

    private final SecretCipher oldKeyOnly = new SecretCipher(KeyRing.parse(K1, "k1"));
    private TestTenants.Tenants tenants;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        tenants = TestTenants.seed();
    }

    private UUID connectionSealedWithTheOldKey(UUID agency, String accessToken) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection db = TestDatabase.get().connect();
                PreparedStatement insert = db.prepareStatement("insert into agency_fanvue_connections (id, agency_id,"
                        + " kind, fanvue_user_id, access_token_ciphertext, refresh_token_ciphertext, token_expires_at,"
                        + " connected_by) values (?, ?, 'agency', ?, ?, ?, now() + interval '1 hour', 'test')")) {
            insert.setObject(1, id);
            insert.setObject(2, agency);
            insert.setObject(3, UUID.randomUUID());
            insert.setBytes(4, oldKeyOnly.encrypt(accessToken, binding(id, "access_token_ciphertext")));
            insert.setBytes(5, oldKeyOnly.encrypt("rt-" + accessToken, binding(id, "refresh_token_ciphertext")));
            insert.executeUpdate();
        }
        return id;
    }

    private static SecretBinding binding(UUID id, String column) {
        return new SecretBinding("agency_fanvue_connections", column, id);
    }

    private String token(UUID agency) {
        return TestUsers.SERVICE
                .request()
                .contentType("application/json")
                .body(Map.of("agencyId", agency.toString()))
                .post("/internal/v1/fanvue-tokens")
                .then()
                .extract()
                .asString();
    }

    private static String keyIdOf(UUID id) throws SQLException {
        try (Connection db = TestDatabase.get().connect();
                PreparedStatement query = db.prepareStatement(
                        "select access_token_ciphertext from agency_fanvue_connections where id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                byte[] sealed = row.getBytes(1);
                return new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
            }
        }
    }

    @Test
    void oldRowsStillReadAndAreReencryptedToThePrimaryKey() throws SQLException {
        UUID id = connectionSealedWithTheOldKey(tenants.agencyA(), "at-old-key");
        assertThat(token(tenants.agencyA())).contains("at-old-key");

        TestUsers.OPS
                .request()
                .post("/ops/v1/crypto/reencrypt")
                .then()
                .statusCode(200)
                .body("examined", equalTo(1))
                .body("reencrypted", equalTo(1));

        assertThat(keyIdOf(id)).isEqualTo("k2");
        assertThat(token(tenants.agencyA())).contains("at-old-key");
        TestUsers.OPS.request().post("/ops/v1/crypto/reencrypt").then().body("reencrypted", equalTo(0));
    }

    @Test
    void aCiphertextCopiedIntoAnotherRowFailsToDecrypt() throws SQLException {
        UUID original = connectionSealedWithTheOldKey(tenants.agencyA(), "at-a");
        UUID other = connectionSealedWithTheOldKey(tenants.agencyB(), "at-b");
        try (Connection db = TestDatabase.get().connect();
                PreparedStatement copy = db.prepareStatement("update agency_fanvue_connections set"
                        + " access_token_ciphertext = (select access_token_ciphertext from agency_fanvue_connections"
                        + " where id = ?) where id = ?")) {
            copy.setObject(1, original);
            copy.setObject(2, other);
            copy.executeUpdate();
        }

        String answer = token(tenants.agencyB());

        assertThat(answer).doesNotContain("at-a").contains("fanvue_not_connected");
        TestUsers.OTHER_AGENCY_USER
                .request()
                .get("/api/fanvue/connections")
                .then()
                .body("[0].status", equalTo("reauth_required"))
                .body("[0].lastRefreshError", org.hamcrest.Matchers.containsString("cannot be decrypted"));
    }

    @Test
    void onlyOpsMayReencrypt() {
        TestUsers.AGENCY_ADMIN.request().post("/ops/v1/crypto/reencrypt").then().statusCode(403);
    }
}
