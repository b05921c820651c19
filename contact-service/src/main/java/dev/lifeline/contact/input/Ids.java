package dev.lifeline.contact.input;

import java.util.UUID;

/** Path ids. A malformed id cannot name anything, so it is answered like an unknown one (404), never 400 or 500. */
public final class Ids {

    private Ids() {}

    /** @return the UUID, or {@code null} when the text is not one */
    public static UUID parse(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
