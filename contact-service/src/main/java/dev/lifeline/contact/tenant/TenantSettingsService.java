package dev.lifeline.contact.tenant;

import dev.lifeline.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A business changing its own settings. A changed consent text is a new consent version (kept in
 * {@link ConsentTextVersion}), so that every ledger line written from now on names the wording actually shown.
 */
@ApplicationScoped
public class TenantSettingsService {

    @Inject
    TenantService tenants;

    @Transactional
    public Tenant change(UUID tenantId, TenantSettings in) {
        // Locked: two concurrent text changes must not both become the same version.
        Tenant tenant = Tenant.findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (tenant == null) {
            throw new ProblemException(404, "Not Found", "No such tenant");
        }
        requireNotBlank(in.name(), "name");
        if (in.defaultRegion() != null) {
            TenantService.checkRegion(in.defaultRegion());
        }
        if (in.timeZone() != null) {
            TenantService.checkTimeZone(in.timeZone());
        }
        TenantSettings.ConsentTexts texts = in.consentTexts();
        if (texts != null) {
            requireNotBlank(texts.email(), "consentTexts.email");
            requireNotBlank(texts.sms(), "consentTexts.sms");
        }
        boolean changed = false;
        if (in.name() != null && !in.name().equals(tenant.name)) {
            tenant.name = in.name();
            changed = true;
        }
        if (in.defaultRegion() != null && !in.defaultRegion().equals(tenant.defaultRegion)) {
            tenant.defaultRegion = in.defaultRegion();
            changed = true;
        }
        if (in.timeZone() != null && !in.timeZone().equals(tenant.timeZone)) {
            tenant.timeZone = in.timeZone();
            changed = true;
        }
        if (in.optInMode() != null && !in.optInMode().equals(tenant.optInMode)) {
            tenant.optInMode = in.optInMode();
            changed = true;
        }
        if (in.corsOrigins() != null) {
            String origins = String.join(",", in.corsOrigins());
            if (!origins.equals(tenant.corsOrigins)) {
                tenant.corsOrigins = origins;
                changed = true;
            }
        }
        if (texts != null) {
            String email = texts.email() != null ? texts.email() : tenant.consentTextEmail;
            String sms = texts.sms() != null ? texts.sms() : tenant.consentTextSms;
            if (!Objects.equals(email, tenant.consentTextEmail) || !Objects.equals(sms, tenant.consentTextSms)) {
                tenant.consentTextEmail = email;
                tenant.consentTextSms = sms;
                tenant.consentVersion++;
                ConsentTextVersion.record(tenant, Instant.now());
                changed = true;
            }
        }
        if (changed) {
            tenants.touch(tenant);
        }
        return tenant;
    }

    private static void requireNotBlank(String value, String field) {
        if (value != null && value.isBlank()) {
            throw ProblemException.field(400, field, "must not be blank");
        }
    }
}
