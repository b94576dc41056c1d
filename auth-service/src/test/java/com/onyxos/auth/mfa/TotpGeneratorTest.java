package com.onyxos.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator against RFC 4226 Appendix D and RFC 6238 Appendix B, and its drift window. */
class TotpGeneratorTest {

    private static final byte[] SEED_20 = ascii("12345678901234567890");
    private static final byte[] SEED_32 = ascii("12345678901234567890123456789012");
    private static final byte[] SEED_64 = ascii("1234567890123456789012345678901234567890123456789012345678901234");

    @ParameterizedTest(name = "HOTP counter {0} = {1}")
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
    })
    void rfc4226AppendixDHotpVectors(long counter, String expected) {
        assertThat(new TotpGenerator(HmacAlgorithm.SHA1, 6, 30).hotp(SEED_20, counter))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "TOTP T={0} {1} = {2}")
    @CsvSource({
        "59, SHA1, 94287082",
        "59, SHA256, 46119246",
        "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804",
        "1111111109, SHA256, 68084774",
        "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471",
        "1111111111, SHA256, 67062674",
        "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924",
        "1234567890, SHA256, 91819424",
        "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037",
        "2000000000, SHA256, 90698825",
        "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130",
        "20000000000, SHA256, 77737706",
        "20000000000, SHA512, 47863826"
    })
    void rfc6238AppendixBTotpVectors(long epochSeconds, HmacAlgorithm algorithm, String expected) {
        byte[] seed =
                switch (algorithm) {
                    case SHA1 -> SEED_20;
                    case SHA256 -> SEED_32;
                    case SHA512 -> SEED_64;
                };

        String code = new TotpGenerator(algorithm, 8, 30).totp(seed, Instant.ofEpochSecond(epochSeconds));

        assertThat(code).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsAndKeepLeadingZeros() {
        TotpGenerator six = TotpGenerator.STANDARD;
        Instant t = Instant.ofEpochSecond(1111111109L);

        assertThat(six.totp(SEED_20, t)).isEqualTo("081804");
        assertThat(six.step(t)).isEqualTo(37037036L);
    }

    @Test
    void aCodeMatchesItsOwnStepAndOneStepEitherSideButNotTwo() {
        TotpGenerator totp = TotpGenerator.STANDARD;
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long current = totp.step(now);

        for (int offset = -1; offset <= 1; offset++) {
            String code = totp.hotp(SEED_20, current + offset);
            assertThat(totp.matchingStep(SEED_20, code, now, 1)).hasValue(current + offset);
        }
        assertThat(totp.matchingStep(SEED_20, totp.hotp(SEED_20, current - 2), now, 1))
                .isEmpty();
        assertThat(totp.matchingStep(SEED_20, totp.hotp(SEED_20, current + 2), now, 1))
                .isEmpty();
    }

    @Test
    void aWrongCodeOrOtherKeyMatchesNothing() {
        TotpGenerator totp = TotpGenerator.STANDARD;
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = totp.totp(SEED_20, now);

        assertThat(totp.matchingStep(SEED_32, code, now, 1)).isEmpty();
        assertThat(totp.matchingStep(SEED_20, "12345", now, 1)).isEmpty();
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new TotpGenerator(HmacAlgorithm.SHA1, 5, 30))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TotpGenerator(HmacAlgorithm.SHA1, 9, 30))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TotpGenerator(HmacAlgorithm.SHA1, 6, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ascii(String seed) {
        return seed.getBytes(StandardCharsets.US_ASCII);
    }
}
