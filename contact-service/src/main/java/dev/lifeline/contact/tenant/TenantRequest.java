package dev.lifeline.contact.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/v1/admin/tenants}. */
public record TenantRequest(
        @NotBlank @Size(max = 200) String name,

        @NotBlank
        @Pattern(
                regexp = "[a-z0-9][a-z0-9-]{1,62}",
                message = "lower-case letters, digits and dashes, 2 to 63 characters")
        String slug,

        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166 region code such as DE")
        String defaultRegion,

        @NotBlank String timeZone,

        @Pattern(regexp = "single|double", message = "single or double")
        String optInMode,

        List<@NotBlank @Size(max = 200) String> corsOrigins,
        @Valid ConsentTexts consentTexts) {

    /** The wording shown beside each channel's checkbox; it is stored in the ledger with every grant. */
    public record ConsentTexts(
            @Size(max = 2000) String email,
            @Size(max = 2000) String sms) {}
}
