package com.onyxos.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4648 section 10 test vectors, round trips and rejection of text no encoder produces. */
class Base32Test {

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource(
            value = {
                "'', '', ''",
                "f, MY======, MY",
                "fo, MZXQ====, MZXQ",
                "foo, MZXW6===, MZXW6",
                "foob, MZXW6YQ=, MZXW6YQ",
                "fooba, MZXW6YTB, MZXW6YTB",
                "foobar, MZXW6YTBOI======, MZXW6YTBOI"
            })
    void rfc4648Vectors(String plain, String padded, String unpadded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(unpadded);
        assertThat(Base32.decode(padded)).isEqualTo(bytes);
        assertThat(Base32.decode(unpadded)).isEqualTo(bytes);
        assertThat(Base32.decode(unpadded.toLowerCase())).isEqualTo(bytes);
    }

    @Test
    void randomBytesOfEveryLengthRoundTrip() {
        SecureRandom random = new SecureRandom();
        for (int length = 0; length <= 64; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);

            String text = Base32.encode(data);

            assertThat(text).matches("[A-Z2-7]*").doesNotContain("=");
            assertThat(Base32.decode(text)).isEqualTo(data);
        }
    }

    @Test
    void aTwentyByteSecretIsThirtyTwoCharacters() {
        assertThat(Base32.encode(new byte[20])).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW1", "MZ XW", "M", "MZX", "MZXW6Y", "MZ!W6YTB", "MZ"})
    void textNoEncoderProducesIsRejected(String text) {
        // "MZ" decodes to "f" only with its two trailing bits zero: MY is valid, MZ is not.
        assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
