package dev.lifeline.outreach.sms;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outreach.ConsentRestored;
import dev.lifeline.kit.inbox.ProcessedEvents;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.outreach.Sql;
import dev.lifeline.outreach.unsubscribe.ConsentWithdrawals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * STOP and START texted to the sending number. Every business sends from the same number, and the carrier (and
 * Twilio) block or unblock that number for the person as a whole, so the keyword applies to each business's contact
 * with that phone number: a STOP withdraws SMS consent everywhere the number would now be refused anyway, a START
 * asks contact-service to confirm SMS again where a texted STOP had withdrawn it (and nowhere else). A message Twilio
 * delivers twice (a retry, a replay) is applied once.
 */
@ApplicationScoped
public class SmsOptOuts {

    static final String CONSUMER = "twilio-inbound";

    private final Sql sql;
    private final ProcessedEvents processed;
    private final ConsentWithdrawals withdrawals;
    private final Outbox outbox;

    public SmsOptOuts(Sql sql, ProcessedEvents processed, ConsentWithdrawals withdrawals, Outbox outbox) {
        this.sql = sql;
        this.processed = processed;
        this.withdrawals = withdrawals;
        this.outbox = outbox;
    }

    private record Recipient(String tenantId, String contactId) {}

    /** @return how many contacts the keyword changed */
    @Transactional
    public int apply(String messageSid, String phone, TextedKeyword keyword) {
        if (!processed.firstTime(CONSUMER, messageSid)) {
            return 0;
        }
        return switch (keyword) {
            case STOP -> stop(phone);
            case START -> start(phone);
        };
    }

    private int stop(String phone) {
        List<Recipient> recipients = sql.query(
                "select tenant_id, contact_id from outreach_contact where phone = ?",
                rs -> new Recipient(rs.getString(1), rs.getString(2)),
                phone);
        recipients.forEach(r -> withdrawals.textedStop(r.tenantId(), r.contactId()));
        return recipients.size();
    }

    private int start(String phone) {
        // The suppression goes when contact-service confirms SMS again (ContactStore lifts an older suppression on
        // a newer confirmed consent), so a START that the ledger refuses leaves the contact unreachable by SMS.
        List<Recipient> recipients = sql.query(
                """
                select c.tenant_id, c.contact_id from outreach_contact c join suppression s on s.contact_id = c.contact_id
                where c.phone = ? and s.channel = 'sms' and s.reason = ?
                """,
                rs -> new Recipient(rs.getString(1), rs.getString(2)),
                phone,
                ConsentWithdrawals.TEXTED_STOP_REASON);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        recipients.forEach(r -> outbox.enqueue(
                Topics.CONSENT_WITHDRAWALS, new ConsentRestored(r.tenantId(), r.contactId(), ContactChannel.SMS, now)));
        return recipients.size();
    }
}
