package dev.lifeline.outreach.email;

import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.ChannelSender;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;

/** E-mail over SMTP with RFC 8058 one-click unsubscribe headers. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    @Inject
    Mailer mailer;

    @Override
    public SendResult send(ProjectedContact contact, RenderedMessage message, String messageKey) {
        String messageId = "<" + messageKey + "@outreach.lifeline>";
        Mail mail = new Mail().addTo(contact.email()).setSubject(message.subject()).setText(message.text())
                .addHeader("Message-ID", messageId);
        if (message.html() != null) {
            mail.setHtml(message.html());
        }
        if (message.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        try {
            mailer.send(mail);
            return new SendResult.Sent(messageId);
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /** SMTP 4xx and connection trouble are worth another try; 5xx is final, 550/551/553 mean the address is bad. */
    static SendResult classify(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof SMTPException smtp) {
                int code = smtp.getReplyCode();
                String error = "SMTP " + code;
                if (code >= 400 && code < 500) {
                    return new SendResult.Transient(error);
                }
                return new SendResult.Permanent(error, code == 550 || code == 551 || code == 553);
            }
            if (t instanceof IOException || t.getClass().getName().contains("Connect")) {
                return new SendResult.Transient("connection: " + t.getClass().getSimpleName());
            }
            t = t.getCause();
        }
        return new SendResult.Transient("send failed: " + e.getClass().getSimpleName());
    }
}
