package dev.lifeline.outreach.email;

import dev.lifeline.outreach.bounce.DeliveryRef;
import dev.lifeline.outreach.config.BounceConfig;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.ChannelSender;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;
import dev.lifeline.outreach.sender.SenderProfile;
import dev.lifeline.outreach.sender.SenderProfiles;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * E-mail over SMTP with RFC 8058 one-click unsubscribe headers, as the business: its display name and Reply-To, and
 * from its own verified domain, DKIM-signed ({@link DkimMailer}), when it has one. A business without a sender
 * identity sends as before, through the Quarkus mailer from {@code quarkus.mailer.from}. Every message carries its
 * signed delivery reference ({@link DeliveryRef}), so a bounce or a provider event finds its way back to the delivery.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    @Inject
    Mailer mailer;

    @Inject
    Tracer tracer;

    @Inject
    SenderProfiles senders;

    @Inject
    DkimMailer dkimMailer;

    @Inject
    DeliveryRef refs;

    @Inject
    BounceConfig bounces;

    @Override
    public SendResult send(ProjectedContact contact, RenderedMessage message, String messageKey) {
        String messageId = "<" + messageKey + "@outreach.lifeline>";
        // Cached per business (SenderProfiles): no query per message. A database outage here is thrown, not classified.
        SenderProfile sender = senders.of(contact.tenantId());
        // Ends when the SMTP server accepted the message (or refused it): the last hop of the outage's trace.
        Span span = tracer.spanBuilder("smtp send")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("lifeline.message.key", messageKey)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Map<String, String> headers = MessageHeaders.of(messageId, message, tracking(messageKey));
            if (sender.signing() != null) {
                dkimMailer.send(sender.signing(), sender.from(), sender.replyTo(), contact.email(), message, headers);
            } else {
                Mail mail = mail(sender, contact, message);
                headers.forEach(mail::addHeader);
                mailer.send(mail);
            }
            return new SendResult.Sent(messageId);
        } catch (RuntimeException e) {
            SendResult result = classify(e);
            span.setStatus(StatusCode.ERROR, result.getClass().getSimpleName());
            return result;
        } finally {
            span.end();
        }
    }

    /**
     * Headers that bring asynchronous outcomes back: the signed reference for DSNs (MTAs return the headers), and for
     * SendGrid, which strips {@code X-SMTPAPI} and hands its unique args back in every event, the same reference.
     */
    private Map<String, String> tracking(String messageKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        String ref = refs.sign(messageKey);
        headers.put(DeliveryRef.HEADER, ref);
        if (bounces.sendgrid().verificationKey().filter(k -> !k.isBlank()).isPresent()) {
            headers.put("X-SMTPAPI", "{\"unique_args\":{\"lifeline_ref\":\"" + ref + "\"}}");
        }
        return headers;
    }

    private static Mail mail(SenderProfile sender, ProjectedContact contact, RenderedMessage message) {
        Mail mail =
                new Mail().addTo(contact.email()).setSubject(message.subject()).setText(message.text());
        if (sender.from() != null) {
            mail.setFrom(sender.from());
        }
        if (sender.replyTo() != null) {
            mail.setReplyTo(sender.replyTo());
        }
        if (message.html() != null) {
            // Text and HTML together go out as multipart/alternative, the text part first (EmailMimeStructureTest).
            mail.setHtml(message.html());
        }
        return mail;
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
