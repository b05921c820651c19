package dev.lifeline.contact.subjectaccess;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * outreach-service's part of a subject access answer. {@code available=false} says the answer is incomplete and
 * why; it is never left out silently.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutreachSection(boolean available, Boolean holdsData, JsonNode data, String detail) {

    static OutreachSection held(JsonNode data) {
        return new OutreachSection(true, true, data, null);
    }

    static OutreachSection nothingHeld() {
        return new OutreachSection(true, false, null, "outreach-service holds no data about this contact");
    }

    static OutreachSection unavailable(String detail) {
        return new OutreachSection(false, null, null, detail);
    }
}
