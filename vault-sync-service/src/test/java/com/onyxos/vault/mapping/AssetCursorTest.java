package com.onyxos.vault.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onyxos.common.problem.ProblemException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors survive the round trip exactly and refuse anything they did not issue. */
class AssetCursorTest {

    private static final UUID ID = UUID.fromString("0b5e5b9e-2f3c-4d7a-9a55-0c3f1f2e4d6a");

    @Test
    void everySortsKeyRoundTripsExactly() {
        OffsetDateTime micros = OffsetDateTime.parse("2025-03-01T10:00:00.123456Z");
        for (AssetCursor cursor : new AssetCursor[] {
            new AssetCursor(AssetSort.CREATED, micros, ID),
            new AssetCursor(AssetSort.REVENUE, 123_456_789_012L, ID),
            new AssetCursor(AssetSort.CONVERSION, new BigDecimal("0.333333"), ID)
        }) {
            AssetCursor decoded = AssetCursor.decode(cursor.encode(), cursor.sort());
            assertThat(decoded.id()).isEqualTo(ID);
            assertThat(decoded.key()).isEqualTo(cursor.key());
        }
    }

    @Test
    void theTokenIsUrlSafe() {
        String token = new AssetCursor(AssetSort.CONVERSION, new BigDecimal("0.5"), ID).encode();
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String token = new AssetCursor(AssetSort.REVENUE, 5L, ID).encode();
        assertThatThrownBy(() -> AssetCursor.decode(token, AssetSort.CREATED))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status())
                .isEqualTo(400);
    }

    @Test
    void absentCursorMeansTheFirstPage() {
        assertThat(AssetCursor.decode(null, AssetSort.CREATED)).isNull();
        assertThat(AssetCursor.decode("", AssetSort.CREATED)).isNull();
    }

    @Test
    void unknownSortNamesAreRefusedAndAbsentMeansCreated() {
        assertThat(AssetSort.parse(null)).isEqualTo(AssetSort.CREATED);
        assertThat(AssetSort.parse(" Revenue ")).isEqualTo(AssetSort.REVENUE);
        assertThatThrownBy(() -> AssetSort.parse("price")).isInstanceOf(ProblemException.class);
    }
}
