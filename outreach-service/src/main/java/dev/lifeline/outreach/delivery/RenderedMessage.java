package dev.lifeline.outreach.delivery;

import java.util.List;

/**
 * A message ready for its channel. {@code unsubscribeUrl} is the signed one-click link; {@code template} is set for
 * WhatsApp only, whose business-initiated messages are approved templates filled with parameters, not free text.
 */
public record RenderedMessage(String subject, String text, String html, String unsubscribeUrl, Template template) {

    /** An approved template by name and language code, with its body parameters rendered for one contact. */
    public record Template(String name, String language, List<String> bodyParameters) {}

    public RenderedMessage(String subject, String text, String html, String unsubscribeUrl) {
        this(subject, text, html, unsubscribeUrl, null);
    }
}
