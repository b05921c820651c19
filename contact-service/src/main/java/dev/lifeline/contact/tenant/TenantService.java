package dev.lifeline.contact.tenant;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Tenants and their keys. Every change publishes the tenant's full state, live key hashes included. */
@ApplicationScoped
public class TenantService {

    static final String DEFAULT_EMAIL_TEXT = "Yes, e-mail me if we cannot reach you on social media.";
    static final String DEFAULT_SMS_TEXT = "Yes, text me if we cannot reach you on social media.";

    @Inject
    Outbox outbox;

    @Inject
    TenantKeyCache keyCache;

    public record Created(Tenant tenant, String apiKey, ApiKey key) {}

    public record IssuedKey(ApiKey key, String secret) {}

    @Transactional
    public Created create(TenantRequest request) {
        checkRegion(request.defaultRegion());
        checkTimeZone(request.timeZone());
        if (Tenant.bySlug(request.slug()) != null) {
            throw ProblemException.field(409, "slug", "slug is already taken");
        }
        Instant now = Instant.now();
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.slug = request.slug();
        tenant.name = request.name();
        tenant.defaultRegion = request.defaultRegion();
        tenant.timeZone = request.timeZone();
        tenant.optInMode = request.optInMode() == null ? "double" : request.optInMode();
        tenant.corsOrigins = request.corsOrigins() == null ? "" : String.join(",", request.corsOrigins());
        TenantRequest.ConsentTexts texts = request.consentTexts();
        tenant.consentTextEmail = texts != null && texts.email() != null ? texts.email() : DEFAULT_EMAIL_TEXT;
        tenant.consentTextSms = texts != null && texts.sms() != null ? texts.sms() : DEFAULT_SMS_TEXT;
        tenant.createdAt = now;
        tenant.updatedAt = now;
        tenant.persist();
        ConsentTextVersion.record(tenant, now);
        IssuedKey issued = newKey(tenant.id, ApiKey.ADMIN, now);
        publish(tenant);
        return new Created(tenant, issued.secret(), issued.key());
    }

    static void checkRegion(String region) {
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw ProblemException.field(400, "defaultRegion", "unknown phone region");
        }
    }

    static void checkTimeZone(String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.field(400, "timeZone", "unknown time zone; use an IANA name such as Europe/Berlin");
        }
    }

    @Transactional
    public IssuedKey issueKey(UUID tenantId) {
        return issueKey(tenantId, ApiKey.ADMIN);
    }

    @Transactional
    public IssuedKey issueKey(UUID tenantId, String scope) {
        Tenant tenant = require(tenantId);
        IssuedKey issued = newKey(tenant.id, scope, Instant.now());
        touch(tenant);
        return issued;
    }

    /**
     * The business revoking one of its own keys. It can never revoke its last live admin key: that would lock it out
     * of its own settings and keys, with only the operator able to let it back in.
     */
    @Transactional
    public void revokeOwnKey(UUID tenantId, UUID keyId) {
        // The tenant row is the lock: two concurrent revocations of the last two admin keys cannot both pass.
        Tenant.findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
        ApiKey key = keyId == null ? null : ApiKey.findById(keyId);
        if (key != null && key.tenantId.equals(tenantId) && key.revokedAt == null && ApiKey.ADMIN.equals(key.scope)) {
            if (ApiKey.liveAdminCount(tenantId) <= 1) {
                throw new ProblemException(
                        409, "Conflict", "This is the tenant's last live admin key; issue another one first");
            }
        }
        revokeKey(tenantId, keyId);
    }

    @Transactional
    public void revokeKey(UUID tenantId, UUID keyId) {
        Tenant tenant = require(tenantId);
        ApiKey key = keyId == null ? null : ApiKey.findById(keyId);
        if (key == null || !key.tenantId.equals(tenant.id)) {
            throw new ProblemException(404, "Not Found", "No such API key for this tenant");
        }
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            keyCache.forget(key.keyHash);
            touch(tenant);
        }
    }

    public Tenant require(UUID tenantId) {
        Tenant tenant = tenantId == null ? null : Tenant.findById(tenantId);
        if (tenant == null) {
            throw new ProblemException(404, "Not Found", "No such tenant");
        }
        return tenant;
    }

    private IssuedKey newKey(UUID tenantId, String scope, Instant now) {
        String secret = ApiKeys.generate();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.tenantId = tenantId;
        key.keyHash = ApiKeys.hash(secret);
        key.keyPrefix = secret.substring(0, Math.min(8, secret.length()));
        key.createdAt = now;
        key.scope = scope;
        key.persist();
        return new IssuedKey(key, secret);
    }

    void touch(Tenant tenant) {
        tenant.version++;
        tenant.updatedAt = Instant.now();
        publish(tenant);
    }

    private void publish(Tenant tenant) {
        List<String> hashes =
                ApiKey.liveOf(tenant.id).stream().map(k -> k.keyHash).toList();
        outbox.enqueue(
                Topics.TENANTS,
                new TenantUpserted(
                        tenant.id.toString(),
                        tenant.slug,
                        tenant.name,
                        tenant.timeZone,
                        hashes,
                        tenant.version,
                        tenant.updatedAt));
    }
}
