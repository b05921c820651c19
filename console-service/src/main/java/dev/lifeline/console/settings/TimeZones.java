package dev.lifeline.console.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The business's time zone as the Settings form takes it: an IANA region id such as {@code Europe/Berlin} (not an
 * offset like {@code +02:00}, which would be wrong half the year). Plain, unit-tested without Quarkus.
 */
public final class TimeZones {

    private static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(TimeZones::isRegion)
            .sorted()
            .toList();

    private TimeZones() {}

    public static List<String> all() {
        return ALL;
    }

    /** The message next to the field, or empty when {@code zone} (stripped) can be saved. */
    public static Optional<String> problem(String zone) {
        String value = zone == null ? "" : zone.strip();
        if (value.isEmpty()) {
            return Optional.of("Choose your time zone, e.g. Europe/Berlin.");
        }
        if (value.length() > 64 || !ZoneId.getAvailableZoneIds().contains(value) || !isRegion(value)) {
            return Optional.of("This is not a time zone we know: use a name such as Europe/Berlin.");
        }
        return Optional.empty();
    }

    private static boolean isRegion(String id) {
        return id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/");
    }
}
