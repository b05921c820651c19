package dev.lifeline.outreach.delivery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void aMessageAtNightInTheContactsZoneWaitsUntilMorningThere() {
        // 23:30 in Berlin (CET, UTC+1) → 08:00 Berlin next day = 07:00 UTC
        assertThat(night.deferUntil(Instant.parse("2026-11-25T22:30:00Z"), "Europe/Berlin"))
                .contains(Instant.parse("2026-11-26T07:00:00Z"));
        // 03:00 in Berlin → 08:00 the same day
        assertThat(night.deferUntil(Instant.parse("2026-11-26T02:00:00Z"), "Europe/Berlin"))
                .contains(Instant.parse("2026-11-26T07:00:00Z"));
    }

    @Test
    void daytimeGoesNowAndTheSameInstantDiffersByZone() {
        Instant instant = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(night.deferUntil(instant, "Europe/Berlin")).isEmpty();
        assertThat(night.deferUntil(instant, "Pacific/Auckland")).isPresent(); // 01:00 there
        assertThat(night.deferUntil(instant, "not/a-zone")).isEmpty(); // treated as UTC, noon
        assertThat(new QuietHours(LocalTime.of(9, 0), LocalTime.of(17, 0)).deferUntil(instant, null))
                .contains(Instant.parse("2026-11-25T17:00:00Z"));
    }
}
