package dev.lifeline.contact.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A tenant as the admin API shows it; {@code apiKey} is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantResponse(
        String id,
        String slug,
        String name,
        String defaultRegion,
        String timeZone,
        String optInMode,
        List<String> corsOrigins,
        TenantRequest.ConsentTexts consentTexts,
        int consentVersion,
        String apiKey,
        String apiKeyId) {

    static TenantResponse of(Tenant t, String apiKey, String apiKeyId) {
        return new TenantResponse(
                t.id.toString(),
                t.slug,
                t.name,
                t.defaultRegion,
                t.timeZone,
                t.optInMode,
                t.corsOriginList(),
                new TenantRequest.ConsentTexts(t.consentTextEmail, t.consentTextSms),
                t.consentVersion,
                apiKey,
                apiKeyId);
    }
}
