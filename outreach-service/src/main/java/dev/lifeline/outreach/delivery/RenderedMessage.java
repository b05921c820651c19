package dev.lifeline.outreach.delivery;

/** A message ready for its channel. {@code unsubscribeUrl} is the signed one-click link. */
public record RenderedMessage(String subject, String text, String html, String unsubscribeUrl) {
}
