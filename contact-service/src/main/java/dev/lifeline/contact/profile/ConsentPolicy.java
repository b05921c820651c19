package dev.lifeline.contact.profile;

import dev.lifeline.contact.consent.ConsentLedger.Action;
import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;

import java.util.Optional;

/**
 * What a grant or a withdrawal does to a contact's consent state, and which ledger line must record it. Plain rules
 * without the database: {@link ContactService} appends the lines in the transaction of the change.
 */
public final class ConsentPolicy {

    private ConsentPolicy() {}

    /** How a consent given on this path is recorded. */
    public enum Grant {
        /** The business asserts the person agreed (API, import): confirmed at once. */
        ASSERTED,
        /** Hosted form of a double opt-in tenant: pending until the e-mailed link is used. */
        DOUBLE_OPT_IN,
        /** Hosted form of a single opt-in tenant: confirmed, recording that the tenant chose single opt-in. */
        SINGLE_OPT_IN
    }

    /** @param smsText wording shown beside the SMS box, when it differs from {@code text} */
    public record Consent(ConsentSource source, Grant grant, String text, String smsText, String version) {

        public Consent(ConsentSource source, Grant grant, String text, String version) {
            this(source, grant, text, null, version);
        }

        /** No wording of its own: the tenant's current consent texts, and their version, are what was agreed to. */
        public Consent orTenantTexts(Tenant tenant) {
            return text != null
                    ? this
                    : new Consent(
                            source,
                            grant,
                            tenant.consentTextEmail,
                            tenant.consentTextSms,
                            "tenant-v" + tenant.consentVersion);
        }

        String textFor(ContactChannel channel) {
            return channel == ContactChannel.EMAIL || smsText == null ? text : smsText;
        }
    }

    /** A ledger line a decision owes. */
    public record Line(ContactChannel channel, Action action, ConsentSource source, String text, String version) {}

    /** An already confirmed channel stays as it is and owes no line. */
    public static Optional<Line> grant(Contact contact, ContactChannel channel, Consent consent) {
        if (contact.consent(channel) == ConsentStatus.CONFIRMED) {
            return Optional.empty();
        }
        Action action = switch (consent.grant()) {
            case ASSERTED -> Action.GRANTED;
            case SINGLE_OPT_IN -> Action.SINGLE_OPT_IN;
            case DOUBLE_OPT_IN -> Action.REQUESTED;
        };
        contact.setConsent(channel, action == Action.REQUESTED ? ConsentStatus.PENDING : ConsentStatus.CONFIRMED);
        return Optional.of(new Line(channel, action, consent.source(), consent.textFor(channel), consent.version()));
    }

    /** Only a confirmed or pending channel can be withdrawn; anything else owes no line. */
    public static Optional<Line> withdraw(Contact contact, ContactChannel channel, ConsentSource source) {
        ConsentStatus current = contact.consent(channel);
        if (current != ConsentStatus.CONFIRMED && current != ConsentStatus.PENDING) {
            return Optional.empty();
        }
        contact.setConsent(channel, ConsentStatus.WITHDRAWN);
        return Optional.of(new Line(channel, Action.WITHDRAWN, source, null, null));
    }

    public static void requireAddress(Contact contact, ContactChannel channel) {
        boolean reachable = channel == ContactChannel.EMAIL ? contact.email != null : contact.phone != null;
        if (!reachable) {
            throw new InvalidFieldException(
                    "consents." + ConsentStates.name(channel),
                    channel == ContactChannel.EMAIL ? "needs an e-mail address" : "needs a phone number");
        }
    }
}
