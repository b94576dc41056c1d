package com.onyxos.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recovery code format, normalisation and per-user hashing. */
class RecoveryCodesTest {

    @Test
    void codesAreTwelveBase32CharactersInGroupsOfFourAndDistinct() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom(), 10);

        assertThat(codes).hasSize(10).allMatch(code -> code.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"));
        assertThat(new HashSet<>(codes)).hasSize(10);
    }

    @Test
    void normalisingIgnoresCaseSpacesAndDashes() {
        assertThat(RecoveryCodes.normalise(" ABCD-efgh 2345 ")).hasValue("abcdefgh2345");
        assertThat(RecoveryCodes.normalise("abcdefgh2345")).hasValue("abcdefgh2345");
    }

    @Test
    void somethingThatCannotBeACodeDoesNotNormalise() {
        assertThat(RecoveryCodes.normalise("abcd-efgh-234")).isEmpty();
        assertThat(RecoveryCodes.normalise("abcd-efgh-2341")).isEmpty();
        assertThat(RecoveryCodes.normalise("abcd-efgh-23456")).isEmpty();
        assertThat(RecoveryCodes.normalise(null)).isEmpty();
        assertThat(RecoveryCodes.normalise("x".repeat(100))).isEmpty();
    }

    @Test
    void theHashDependsOnTheUserAndTheCode() {
        byte[] hash = RecoveryCodes.hash("user-a", "abcdefgh2345");

        assertThat(hash).hasSize(32).isEqualTo(RecoveryCodes.hash("user-a", "abcdefgh2345"));
        assertThat(hash).isNotEqualTo(RecoveryCodes.hash("user-b", "abcdefgh2345"));
        assertThat(hash).isNotEqualTo(RecoveryCodes.hash("user-a", "abcdefgh2346"));
    }
}
