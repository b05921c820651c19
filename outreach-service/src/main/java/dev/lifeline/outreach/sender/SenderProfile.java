package dev.lifeline.outreach.sender;

/**
 * What one business's e-mail goes out as: {@code from} (null: the service's default From, unchanged), {@code replyTo}
 * (null: none) and the DKIM key that signs it (null: unsigned, sent from the service's own address).
 */
public record SenderProfile(String from, String replyTo, DkimSigning signing) {

    public static final SenderProfile DEFAULT = new SenderProfile(null, null, null);

    public String fromOr(String defaultFrom) {
        return from == null ? defaultFrom : from;
    }
}
