package dev.lifeline.outreach.sms;

import java.util.Optional;
import java.util.Set;

/**
 * A Twilio status callback's final word on a message, and what it means for the contact. Statuses before the final
 * one (queued, sending, sent…) are not receipts. Error codes: 21610 is a recipient who texted STOP to the sender (an
 * unsubscribe); 30005 (unknown number) and 30006 (landline) mean the number will never take an SMS.
 */
public record SmsReceipt(String status, String errorCode) {

    public static final Set<String> FINAL = Set.of("delivered", "undelivered", "failed");
    static final String OPTED_OUT = "21610";
    static final Set<String> DEAD_NUMBER = Set.of("30005", "30006");

    /** @return the receipt, or empty when the status is not a final one */
    public static Optional<SmsReceipt> of(String status, String errorCode) {
        return FINAL.contains(status) ? Optional.of(new SmsReceipt(status, blankToNull(errorCode))) : Optional.empty();
    }

    public boolean optedOut() {
        return OPTED_OUT.equals(errorCode);
    }

    public boolean deadNumber() {
        return errorCode != null && DEAD_NUMBER.contains(errorCode);
    }

    /** What the ledger keeps beside the receipt: the provider's error code, if any. */
    public String error() {
        return errorCode == null ? null : "twilio code " + errorCode;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
