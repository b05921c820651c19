package dev.lifeline.contact.optin;

import dev.lifeline.contact.config.ContactConfig;
import dev.lifeline.contact.profile.Contact;
import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.events.contact.ContactChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Sends the double opt-in e-mail with its signed link, at most once per contact per resend interval. */
@ApplicationScoped
public class ConfirmationMailer {

    private static final Logger LOG = Logger.getLogger(ConfirmationMailer.class);

    @Inject
    ReactiveMailer mailer;

    @Inject
    ContactConfig config;

    @Inject
    MeterRegistry metrics;

    @Location("mail/confirm.html")
    Template html;

    @Location("mail/confirm.txt")
    Template text;

    private RateLimiter perContact;
    private ConfirmationTokens tokens;

    @jakarta.annotation.PostConstruct
    void init() {
        perContact = new RateLimiter(1, config.resendInterval());
        tokens = new ConfirmationTokens(config.linkSecret());
    }

    public long resendIntervalSeconds() {
        return config.resendInterval().toSeconds();
    }

    public ConfirmationTokens tokens() {
        return tokens;
    }

    /** @return false when a confirmation went to this contact too recently */
    public boolean send(Tenant tenant, Contact contact, Set<ContactChannel> channels) {
        if (contact.email == null
                || perContact
                        .acquire(contact.id.toString(), System.currentTimeMillis())
                        .isPresent()) {
            return false;
        }
        String token = tokens.issue(new ConfirmationTokens.Claims(
                tenant.id, contact.id, channels, Instant.now().plus(config.confirmationTtl())));
        String link = config.publicBaseUrl() + "/confirm/" + token;
        List<String> consentTexts = channels.stream()
                .map(c -> c == ContactChannel.EMAIL ? tenant.consentTextEmail : tenant.consentTextSms)
                .toList();
        Mail mail = Mail.withHtml(
                        contact.email,
                        "Please confirm: " + tenant.name + " may contact you",
                        html.data("tenant", tenant.name)
                                .data("link", link)
                                .data("texts", consentTexts)
                                .render())
                .setText(text.data("tenant", tenant.name)
                        .data("link", link)
                        .data("texts", consentTexts)
                        .render());
        // Fire and forget: the capture is committed; a lost mail is recovered by resending, never by failing the form.
        mailer.send(mail)
                .subscribe()
                .with(
                        ok -> metrics.counter("lifeline_optin_emails_sent").increment(),
                        failure -> LOG.warnf(
                                "Confirmation e-mail could not be sent: %s",
                                failure.getClass().getSimpleName()));
        return true;
    }
}
