package dev.lifeline.outreach.bounce;

/**
 * What became of an e-mail after the SMTP server took it, as the delivery row's {@code receipt} keeps it (beside
 * SMS's delivered / undelivered / failed). Receipts only move forward in this order: a later, graver word replaces
 * an earlier one (a message delivered and then reported as spam, or accepted by a relay and bounced later), while a
 * replayed or stale one (a delivered event after the bounce) changes nothing.
 */
public enum EmailReceipt {
    /** The recipient's server accepted it. */
    DELIVERED("delivered"),
    /** Not delivered, but nothing says the address is bad: blocked, dropped by the provider, a 4.x.x DSN that gave up. */
    UNDELIVERED("undelivered"),
    /** A hard bounce: the address will never take mail; e-mail consent is withdrawn. */
    BOUNCED("bounced"),
    /** The recipient reported it as spam; e-mail consent is withdrawn. */
    COMPLAINED("complained");

    private final String value;

    EmailReceipt(String value) {
        this.value = value;
    }

    /** As stored in {@code delivery.receipt}. */
    public String value() {
        return value;
    }

    /** Its place in the order receipts move through (1 is the first). */
    public int rank() {
        return ordinal() + 1;
    }
}
