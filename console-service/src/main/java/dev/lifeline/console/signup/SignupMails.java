package dev.lifeline.console.signup;

import dev.lifeline.console.config.ConsoleConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The sign-up's e-mails, sent through the configured SMTP server. */
@ApplicationScoped
public class SignupMails {

    private final Mailer mailer;
    private final ConsoleConfig config;

    public SignupMails(Mailer mailer, ConsoleConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public void verification(String to, String businessName, String token) {
        String link =
                config.publicBaseUrl() + "/signup/verify?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        mailer.send(Mail.withText(
                to,
                "Confirm your e-mail for Lifeline",
                "Hello,\n\nplease confirm your e-mail address to finish signing up " + businessName
                        + " for Lifeline:\n\n"
                        + link + "\n\nThe link works for "
                        + config.verificationTtl().toHours() + " hours. "
                        + "If you did not sign up, ignore this e-mail.\n"));
    }

    /** Sent instead of a link when the address already has an account, so the form does not tell who is a user. */
    public void alreadyRegistered(String to) {
        mailer.send(Mail.withText(
                to,
                "You already have a Lifeline account",
                "Hello,\n\nsomeone (probably you) tried to sign up with this address, which already has an account."
                        + " Sign in here: " + config.publicBaseUrl() + "/signin\n"));
    }
}
