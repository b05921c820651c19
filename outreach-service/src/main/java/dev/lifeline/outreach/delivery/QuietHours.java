package dev.lifeline.outreach.delivery;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily window (possibly across midnight, e.g. 21:00–08:00) in the contact's own time zone during which messages
 * wait. The sender passes the business's time zone for a contact without one; without either, UTC.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** @return when the message may go, if {@code now} falls inside the window */
    public Optional<Instant> deferUntil(Instant now, String timeZone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean inside =
                start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime until = local.with(end);
        if (!until.isAfter(local)) {
            until = until.plusDays(1).with(end);
        }
        return Optional.of(until.toInstant());
    }
}
