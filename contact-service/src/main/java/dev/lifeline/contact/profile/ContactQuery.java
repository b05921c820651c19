package dev.lifeline.contact.profile;

import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The filters of a contact listing, validated. The cursor is the last id of the previous page (opaque to callers):
 * paging by id never skips or repeats a contact while others are added.
 */
public record ContactQuery(
        UUID after,
        int limit,
        String tag,
        Map<ContactChannel, ConsentStatus> consents,
        Instant updatedSince,
        String search) {

    public static final int MAX_LIMIT = 500;

    public static ContactQuery parse(
            String cursor, Integer limit, String tag, List<String> consent, String updatedSince, String q) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Map<ContactChannel, ConsentStatus> consents = new EnumMap<>(ContactChannel.class);
        for (String c : consent == null ? List.<String>of() : consent) {
            String[] parts = c.split(":", 2);
            ContactChannel channel = parts.length == 2 ? ConsentStates.channelOrNull(parts[0]) : null;
            ConsentStatus status = parts.length == 2 ? ConsentStates.statusOrNull(parts[1]) : null;
            if (channel == null || status == null) {
                throw new InvalidFieldException("consent", "must be channel:state, e.g. email:confirmed");
            }
            consents.put(channel, status);
        }
        Instant since = null;
        if (updatedSince != null) {
            try {
                since = Instant.parse(updatedSince);
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(
                        "updatedSince", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > 100) {
            throw new InvalidFieldException("q", "must be at most 100 characters");
        }
        return new ContactQuery(
                decode(cursor), size, tag == null || tag.isBlank() ? null : tag.strip(), consents, since, search);
    }

    public static String encode(UUID id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(id.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static UUID decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("cursor", "is not a cursor this API returned");
        }
    }
}
