package dev.lifeline.outreach.delivery;

/** Ledger states: queued → sending → sent | failed | bounced; queued → cancelled. */
public final class DeliveryState {
    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String BOUNCED = "bounced";
    public static final String CANCELLED = "cancelled";

    private DeliveryState() {}
}
