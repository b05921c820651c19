package dev.lifeline.localstack;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a received MIME message into what a person or a test wants to read. */
final class MimeReader {

    private MimeReader() {}

    static CapturedMail read(MimeMessage message, List<String> recipients, Instant receivedAt) {
        try {
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new CapturedMail(
                    from(message),
                    recipients,
                    message.getSubject(),
                    headers(message),
                    bodies.text,
                    bodies.html,
                    receivedAt,
                    raw(message));
        } catch (MessagingException | IOException e) {
            // keep what we can: a malformed message is exactly what a person wants to look at
            return new CapturedMail(
                    null, recipients, "(unreadable message: " + e.getMessage() + ")", Map.of(), null, null, receivedAt);
        }
    }

    /** An unmodified parsed message writes back its header lines and body bytes as they were received. */
    private static byte[] raw(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static String from(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress ia ? ia.toUnicodeString() : from[0].toString();
    }

    private static Map<String, String> headers(MimeMessage message) throws MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            headers.merge(h.getName(), decode(h.getValue()), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static String decode(String raw) {
        if (raw == null) {
            return "";
        }
        String unfolded = MimeUtility.unfold(raw);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }

    /** First plain and first HTML body, walking nested multiparts; attachments are skipped. */
    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = unixLines(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = unixLines(part);
            }
        }

        // SMTP carries CRLF; what was sent as "a\nb" should read back as "a\nb"
        private static String unixLines(Part part) throws MessagingException, IOException {
            return String.valueOf(part.getContent()).replace("\r\n", "\n");
        }
    }
}
