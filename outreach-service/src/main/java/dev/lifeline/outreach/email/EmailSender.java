package dev.lifeline.outreach.email;

import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.ChannelSender;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
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
    @Inject
    Tracer tracer;

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
        // Ends when the SMTP server accepted the message (or refused it): the last hop of the outage's trace.
        Span span = tracer.spanBuilder("smtp send").setSpanKind(SpanKind.CLIENT)
                .setAttribute("lifeline.message.key", messageKey).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            mailer.send(mail);
            return new SendResult.Sent(messageId);
        } catch (RuntimeException e) {
            SendResult result = classify(e);
            span.setStatus(StatusCode.ERROR, result.getClass().getSimpleName());
            return result;
        } finally {
            span.end();
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
