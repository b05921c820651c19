package dev.lifeline.console.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeZonesTest {

    @Test
    void ianaRegionIdsAreTaken() {
        assertThat(TimeZones.problem("Europe/Berlin")).isEmpty();
        assertThat(TimeZones.problem(" America/Argentina/Buenos_Aires ")).isEmpty();
    }

    @Test
    void blankUnknownOffsetsAndAbbreviationsAreRefused() {
        assertThat(TimeZones.problem("")).hasValue("Choose your time zone, e.g. Europe/Berlin.");
        assertThat(TimeZones.problem(null)).isPresent();
        for (String bad : new String[] {"Mars/Olympus", "+02:00", "UTC", "CET", "Etc/GMT+2", "europe/berlin"}) {
            assertThat(TimeZones.problem(bad)).as(bad).isPresent();
        }
        assertThat(TimeZones.problem("Europe/" + "x".repeat(100))).isPresent();
    }

    @Test
    void theChoicesAreSortedRegionIds() {
        assertThat(TimeZones.all()).contains("Europe/Berlin", "Asia/Tokyo").doesNotContain("UTC", "Etc/GMT+2");
        assertThat(TimeZones.all()).isSorted();
    }
}
