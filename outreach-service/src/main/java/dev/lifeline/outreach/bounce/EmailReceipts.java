package dev.lifeline.outreach.bounce;

import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.outreach.Sql;
import dev.lifeline.outreach.unsubscribe.ConsentWithdrawals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Writes an asynchronous e-mail outcome (provider event or DSN) to the delivery it follows, only when it is graver
 * than what the row already says ({@link EmailReceipt}), so a replay or a stale event changes nothing. A hard bounce
 * or a complaint withdraws the contact's e-mail consent, once, as an unsubscribe does. The delivery is found by its
 * verified reference or, for a signed provider event without one, by the Message-ID outreach gave it; the tenant is
 * the row's, never the caller's, so one business's event cannot touch another's contact.
 */
@ApplicationScoped
public class EmailReceipts {

    @Inject
    Sql sql;

    @Inject
    ConsentWithdrawals withdrawals;

    private record Recipient(String tenantId, String contactId) {}

    /** Which delivery an event is about: a verified reference, else the Message-ID it was sent with. */
    public record Match(DeliveryRef.Target ref, String messageId) {
        public static Match of(DeliveryRef.Target ref) {
            return new Match(ref, null);
        }

        public static Match ofMessageId(String messageId) {
            return new Match(null, messageId);
        }
    }

    /** @return whether this event changed the delivery (false: unknown message, replay or stale) */
    @Transactional
    public boolean record(Match match, EmailReceipt receipt, String error) {
        // Plain SQL: one conditional update finds the e-mail delivery and applies only a graver receipt, so two
        // copies of an event arriving at once cannot both count.
        String rank = """
                coalesce(case receipt when 'delivered' then 1 when 'undelivered' then 2 when 'bounced' then 3
                    when 'complained' then 4 end, 0) < ?""";
        Optional<Recipient> recipient = match.ref() != null
                ? sql.one(
                        "update delivery set receipt = ?, receipt_error = ?, receipt_at = now() "
                                + "where run_id = ? and contact_id = ? and channel = 'email' and state = 'sent' and "
                                + rank
                                + " returning tenant_id, contact_id",
                        EmailReceipts::recipient,
                        receipt.value(),
                        error,
                        match.ref().runId(),
                        match.ref().contactId(),
                        receipt.rank())
                : sql.one(
                        "update delivery set receipt = ?, receipt_error = ?, receipt_at = now() "
                                + "where provider_message_id = ? and channel = 'email' and state = 'sent' and " + rank
                                + " returning tenant_id, contact_id",
                        EmailReceipts::recipient,
                        receipt.value(),
                        error,
                        match.messageId(),
                        receipt.rank());
        recipient.ifPresent(r -> {
            if (receipt == EmailReceipt.BOUNCED) {
                withdrawals.hardBounce(r.tenantId(), r.contactId(), ContactChannel.EMAIL);
            } else if (receipt == EmailReceipt.COMPLAINED) {
                withdrawals.complaint(r.tenantId(), r.contactId());
            }
        });
        return recipient.isPresent();
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        return new Recipient(rs.getString("tenant_id"), rs.getString("contact_id"));
    }
}
