package dev.lifeline.outreach.sms;

import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.outreach.Sql;
import dev.lifeline.outreach.unsubscribe.ConsentWithdrawals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Writes a carrier receipt to the delivery it follows, once: a replayed or late callback finds the receipt already
 * there and changes nothing. A recipient who opted out at the carrier (STOP) or a number that cannot take SMS loses
 * SMS consent here, as an unsubscribe or a hard bounce does, so no later campaign texts them again.
 */
@ApplicationScoped
public class SmsReceipts {

    @Inject
    Sql sql;

    @Inject
    ConsentWithdrawals withdrawals;

    private record Recipient(String tenantId, String contactId) {}

    /** @return whether this callback was the first receipt of a known message */
    @Transactional
    public boolean record(String messageSid, SmsReceipt receipt) {
        // Plain SQL: one conditional update that both finds the delivery by the provider's id and makes it happen once.
        Optional<Recipient> recipient = sql.one(
                """
                update delivery set receipt = ?, receipt_error = ?, receipt_at = now()
                where provider_message_id = ? and channel = 'sms' and receipt is null
                returning tenant_id, contact_id
                """,
                rs -> new Recipient(rs.getString("tenant_id"), rs.getString("contact_id")),
                receipt.status(),
                receipt.error(),
                messageSid);
        recipient.ifPresent(r -> {
            if (receipt.optedOut()) {
                withdrawals.textedStop(r.tenantId(), r.contactId());
            } else if (receipt.deadNumber()) {
                withdrawals.hardBounce(r.tenantId(), r.contactId(), ContactChannel.SMS);
            }
        });
        return recipient.isPresent();
    }
}
