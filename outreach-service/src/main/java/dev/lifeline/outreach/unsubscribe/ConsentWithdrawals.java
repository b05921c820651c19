package dev.lifeline.outreach.unsubscribe;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.outreach.contacts.ContactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A withdrawal made at outreach: suppressed here at once (no later message on that channel), and told to
 * contact-service through the outbox so its consent ledger records it.
 */
@ApplicationScoped
public class ConsentWithdrawals {

    /** The suppression's reason for a texted STOP: the only withdrawal a texted START may undo. */
    public static final String TEXTED_STOP_REASON = reason(WithdrawalReason.TEXTED_STOP);

    @Inject
    ContactStore contacts;

    @Inject
    Outbox outbox;

    @Transactional
    public void unsubscribe(LinkSigner.Target target, String ip, String userAgent) {
        withdraw(target.tenantId(), target.contactId(), target.channel(), WithdrawalReason.UNSUBSCRIBE, ip, userAgent);
    }

    /** The contact texted STOP to the sending number: the carrier refuses further SMS, and so does Lifeline. */
    @Transactional
    public void textedStop(String tenantId, String contactId) {
        withdraw(tenantId, contactId, ContactChannel.SMS, WithdrawalReason.TEXTED_STOP, null, null);
    }

    /** The contact stopped the business's marketing messages in WhatsApp: Meta refuses further templates, and so do we. */
    @Transactional
    public void stoppedOnWhatsApp(String tenantId, String contactId) {
        withdraw(tenantId, contactId, ContactChannel.WHATSAPP, WithdrawalReason.UNSUBSCRIBE, null, null);
    }

    @Transactional
    public void hardBounce(String tenantId, String contactId, ContactChannel channel) {
        withdraw(tenantId, contactId, channel, WithdrawalReason.HARD_BOUNCE, null, null);
    }

    /** The recipient reported an e-mail as spam: no business may mail them again through this service. */
    @Transactional
    public void complaint(String tenantId, String contactId) {
        withdraw(tenantId, contactId, ContactChannel.EMAIL, WithdrawalReason.COMPLAINT, null, null);
    }

    private void withdraw(
            String tenantId,
            String contactId,
            ContactChannel channel,
            WithdrawalReason reason,
            String ip,
            String userAgent) {
        if (contacts.suppressed(contactId, channel)) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        contacts.suppress(tenantId, contactId, channel, reason(reason), now);
        outbox.enqueue(
                Topics.CONSENT_WITHDRAWALS,
                new ConsentWithdrawn(
                        tenantId,
                        contactId,
                        channel,
                        reason,
                        now,
                        ip,
                        userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length()))));
    }

    private static String reason(WithdrawalReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
