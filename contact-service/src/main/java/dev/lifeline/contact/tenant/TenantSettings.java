package dev.lifeline.contact.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code PATCH /api/v1/tenant}: the fields given change, those left out stay. The slug is not among them: it
 * is the address of the hosted form that the business has published. Names and texts hold no control characters
 * (a name goes into mail headers and pages); blank values are refused by {@link TenantSettingsService}.
 */
public record TenantSettings(
        @Size(min = 1, max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not hold control characters")
        String name,

        @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166 region code such as DE")
        String defaultRegion,

        @Size(max = 64) String timeZone,

        @Pattern(regexp = "single|double", message = "single or double")
        String optInMode,

        @Size(max = 50)
        List<
                        @NotNull @Size(max = 200)
                        @Pattern(
                                regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?",
                                message =
                                        "an origin such as https://shop.example (scheme, host and optional port, no path)")
                        String>
                corsOrigins,

        @Valid ConsentTexts consentTexts) {

    /** Line breaks and tabs are fine in a consent text; other control characters are not. */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    /** A new wording; a text left out keeps its current wording. Blank texts are refused by the service. */
    public record ConsentTexts(
            @Size(min = 1, max = 2000)
            @Pattern(regexp = TEXT, message = "must not hold control characters other than line breaks and tabs")
            String email,

            @Size(min = 1, max = 2000)
            @Pattern(regexp = TEXT, message = "must not hold control characters other than line breaks and tabs")
            String sms) {}
}
