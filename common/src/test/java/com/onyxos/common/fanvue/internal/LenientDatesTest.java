package com.onyxos.common.fanvue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates as Fanvue sends them: a date where a timestamp is declared and the other way round. */
class LenientDatesTest {

    @Test
    void readsEveryFormFanvueSends() {
        assertThat(LenientDates.instant("2025-06-01")).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(LenientDates.instant("2025-06-01T10:15:30Z")).isEqualTo(Instant.parse("2025-06-01T10:15:30Z"));
        assertThat(LenientDates.instant("2025-06-01T10:15:30.123Z"))
                .isEqualTo(Instant.parse("2025-06-01T10:15:30.123Z"));
        assertThat(LenientDates.instant("2025-06-01T12:15:30+02:00")).isEqualTo(Instant.parse("2025-06-01T10:15:30Z"));
        assertThat(LenientDates.instant("2025-06-01T10:15:30")).isEqualTo(Instant.parse("2025-06-01T10:15:30Z"));
        assertThat(LenientDates.instant("2025-06-01 10:15:30")).isEqualTo(Instant.parse("2025-06-01T10:15:30Z"));
        assertThat(LenientDates.instant("1748772930")).isEqualTo(Instant.parse("2025-06-01T10:15:30Z"));
        assertThat(LenientDates.instant("1748772930000")).isEqualTo(Instant.parse("2025-06-01T10:15:30Z"));
        assertThat(LenientDates.instant("")).isNull();
    }

    @Test
    void aTimestampWhereADayIsDeclaredGivesItsUtcDay() {
        assertThat(LenientDates.date("2025-06-01T23:30:00-02:00")).isEqualTo(LocalDate.parse("2025-06-02"));
        assertThat(LenientDates.date("2025-06-01")).isEqualTo(LocalDate.parse("2025-06-01"));
    }

    @Test
    void rejectsWhatIsNoDate() {
        assertThatThrownBy(() -> LenientDates.instant("yesterday")).isInstanceOf(DateTimeException.class);
    }
}
