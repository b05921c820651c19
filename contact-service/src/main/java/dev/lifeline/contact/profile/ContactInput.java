package dev.lifeline.contact.profile;

import dev.lifeline.events.contact.ContactChannel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * Body of a contact create (POST) or change (PATCH). On PATCH an absent (null) field is left as it is.
 * {@code consents}: {@code true} grants (the business asserts the person agreed), {@code false} withdraws on PATCH
 * and means "not given" on create.
 */
public record ContactInput(
        @Size(max = 200) String name,
        @Size(max = 320) String email,
        @Size(max = 40) String phone,
        Consents consents,
        @Size(max = 2000) String consentText,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> tags,
        @Size(max = 3) List<ContactChannel> channelOrder,
        @Size(max = 35) String locale,
        @Size(max = 64) String timeZone,
        @Size(max = 64) String source,
        @Size(max = 30) Map<String, Object> attributes) {

    public record Consents(Boolean email, Boolean sms, Boolean whatsapp) {

        public Boolean of(ContactChannel channel) {
            return switch (channel) {
                case EMAIL -> email;
                case SMS -> sms;
                case WHATSAPP -> whatsapp;
            };
        }
    }
}
