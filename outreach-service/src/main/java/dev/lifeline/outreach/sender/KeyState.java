package dev.lifeline.outreach.sender;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a DKIM key is in its life: created, signing, or replaced by a rotation. */
public enum KeyState {
    /** Created; its DNS record was not found yet, so it does not sign. */
    PENDING,
    /** Found in DNS; signs every message of its domain. At most one per domain. */
    ACTIVE,
    /** Replaced by a newer key; kept (and its record listed) until removed, as mail it signed may still be checked. */
    RETIRED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
