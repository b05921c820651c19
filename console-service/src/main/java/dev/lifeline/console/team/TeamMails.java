package dev.lifeline.console.team;

import dev.lifeline.console.config.ConsoleConfig;
import dev.lifeline.console.mail.BoundedMailer;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The invitation mail, with the link where the invitee chooses a password and joins. */
@ApplicationScoped
public class TeamMails {

    private final BoundedMailer mailer;
    private final ConsoleConfig config;

    public TeamMails(BoundedMailer mailer, ConsoleConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /** False when the SMTP server did not take it in time. */
    public boolean invitation(String to, String businessName, Role role, String token) {
        String link = config.publicBaseUrl() + "/team/join?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return mailer.sendNow(
                Mail.withText(
                        to,
                        "You are invited to " + businessName + " on Lifeline",
                        "Hello,\n\nyou are invited to join " + businessName + " on Lifeline as "
                                + (role == Role.OWNER ? "an owner" : "staff") + ". Choose your password here:\n\n"
                                + link + "\n\nThe link works once, for "
                                + config.invitationTtl().toDays()
                                + " days. If you did not expect this, ignore this e-mail.\n"),
                "invitation");
    }
}
