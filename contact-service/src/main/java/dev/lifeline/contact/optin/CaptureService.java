package dev.lifeline.contact.optin;

import dev.lifeline.contact.config.ContactConfig;
import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.profile.ConsentPolicy;
import dev.lifeline.contact.profile.Contact;
import dev.lifeline.contact.profile.ContactInput;
import dev.lifeline.contact.profile.ContactService;
import dev.lifeline.contact.profile.UniqueRetry;
import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A sign-up from the public form: rate-limited, honeypot-checked, merged like any create, consent recorded with
 * the tenant's exact text, IP and user agent, and a confirmation e-mail when the tenant uses double opt-in.
 */
@ApplicationScoped
public class CaptureService {

    public enum Outcome {
        PENDING_CONFIRMATION,
        CONFIRMED,
        IGNORED
    }

    /** Thrown when a limit is hit; answered 429 with Retry-After. */
    public static class TooManyRequests extends RuntimeException {
        public final long retryAfterSeconds;

        public TooManyRequests(long retryAfterSeconds) {
            super("rate limited", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    @Inject
    ContactService contacts;

    @Inject
    ConfirmationMailer mailer;

    @Inject
    ContactConfig config;

    @Inject
    MeterRegistry metrics;

    private RateLimiter perIp;
    private RateLimiter perTenant;

    @PostConstruct
    void init() {
        perIp = new RateLimiter(config.perIpPerMinute(), Duration.ofMinutes(1));
        perTenant = new RateLimiter(config.perTenantPerMinute(), Duration.ofMinutes(1));
    }

    @Transactional
    public Tenant tenant(String slug) {
        Tenant tenant = slug == null ? null : Tenant.bySlug(slug);
        if (tenant == null) {
            throw ProblemException.notFound("Form");
        }
        return tenant;
    }

    public void checkRate(Tenant tenant, String ip) {
        long now = System.currentTimeMillis();
        OptionalLong wait = perIp.acquire(tenant.id + "|" + ip, now);
        if (wait.isEmpty()) {
            wait = perTenant.acquire(tenant.id.toString(), now);
        }
        if (wait.isPresent()) {
            metrics.counter("lifeline_contact_captures", "outcome", "rate-limited")
                    .increment();
            throw new TooManyRequests(wait.getAsLong());
        }
    }

    public Outcome capture(Tenant tenant, CaptureInput in, String ip, String userAgent) {
        if (in.website() != null && !in.website().isBlank()) {
            metrics.counter("lifeline_contact_captures", "outcome", "honeypot").increment();
            return Outcome.IGNORED;
        }
        boolean email = Boolean.TRUE.equals(in.emailConsent());
        boolean sms = Boolean.TRUE.equals(in.smsConsent());
        if (!email && !sms) {
            throw new InvalidFieldException("emailConsent", "tick at least one way we may contact you");
        }
        if (tenant.doubleOptIn() && (in.email() == null || in.email().isBlank())) {
            throw new InvalidFieldException("email", "is needed to confirm your sign-up");
        }
        ContactInput input = new ContactInput(
                in.name(),
                in.email(),
                in.phone(),
                new ContactInput.Consents(email ? Boolean.TRUE : null, sms ? Boolean.TRUE : null, null),
                null,
                null,
                null,
                in.locale(),
                null,
                ConsentSource.FORM,
                null);
        ConsentPolicy.Consent consent = new ConsentPolicy.Consent(
                new ConsentSource(ConsentSource.FORM, ip, userAgent),
                tenant.doubleOptIn() ? ConsentPolicy.Grant.DOUBLE_OPT_IN : ConsentPolicy.Grant.SINGLE_OPT_IN,
                tenant.consentTextEmail,
                tenant.consentTextSms,
                "tenant-v" + tenant.consentVersion);
        ContactService.Upsert result = UniqueRetry.once(() -> contacts.upsert(tenant.id, input, consent));
        metrics.counter("lifeline_contact_captures", "outcome", "accepted").increment();
        Contact contact = result.contact();
        Set<ContactChannel> pending = EnumSet.noneOf(ContactChannel.class);
        for (ContactChannel channel : ContactChannel.values()) {
            if (contact.consent(channel) == ConsentStatus.PENDING) {
                pending.add(channel);
            }
        }
        if (!pending.isEmpty()) {
            mailer.send(tenant, contact, pending);
            return Outcome.PENDING_CONFIRMATION;
        }
        return Outcome.CONFIRMED;
    }
}
