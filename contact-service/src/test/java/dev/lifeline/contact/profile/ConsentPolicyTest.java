package dev.lifeline.contact.profile;

import dev.lifeline.contact.consent.ConsentLedger.Action;
import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentPolicyTest {

    private static final ConsentSource FORM = new ConsentSource(ConsentSource.FORM, "192.0.2.1", "agent");

    private static Contact contact() {
        Contact contact = Contact.fresh(UUID.randomUUID(), Instant.now(), null, ConsentSource.FORM);
        contact.email = "ada@example.org";
        return contact;
    }

    private static ConsentPolicy.Consent consent(ConsentPolicy.Grant grant) {
        return new ConsentPolicy.Consent(FORM, grant, "Mail me", "Text me", "tenant-v3");
    }

    @Test
    void aBusinessAssertedConsentIsConfirmedAtOnceAndRecordedAsGranted() {
        Contact contact = contact();
        ConsentPolicy.Line line = ConsentPolicy.grant(
                        contact, ContactChannel.EMAIL, consent(ConsentPolicy.Grant.ASSERTED))
                .orElseThrow();
        assertThat(contact.consent(ContactChannel.EMAIL)).isEqualTo(ConsentStatus.CONFIRMED);
        assertThat(line.action()).isEqualTo(Action.GRANTED);
        assertThat(line.text()).isEqualTo("Mail me");
        assertThat(line.version()).isEqualTo("tenant-v3");
    }

    @Test
    void doubleOptInLeavesTheChannelPendingUntilThePersonConfirms() {
        Contact contact = contact();
        ConsentPolicy.Line line = ConsentPolicy.grant(
                        contact, ContactChannel.EMAIL, consent(ConsentPolicy.Grant.DOUBLE_OPT_IN))
                .orElseThrow();
        assertThat(contact.consent(ContactChannel.EMAIL)).isEqualTo(ConsentStatus.PENDING);
        assertThat(line.action()).isEqualTo(Action.REQUESTED);
    }

    @Test
    void theSmsBoxRecordsTheWordingShownBesideIt() {
        Contact contact = contact();
        contact.phone = "+4915112345678";
        ConsentPolicy.Line line = ConsentPolicy.grant(
                        contact, ContactChannel.SMS, consent(ConsentPolicy.Grant.SINGLE_OPT_IN))
                .orElseThrow();
        assertThat(line.action()).isEqualTo(Action.SINGLE_OPT_IN);
        assertThat(line.text()).isEqualTo("Text me");
    }

    @Test
    void grantingAnAlreadyConfirmedChannelWritesNoLedgerLine() {
        Contact contact = contact();
        contact.setConsent(ContactChannel.EMAIL, ConsentStatus.CONFIRMED);
        assertThat(ConsentPolicy.grant(contact, ContactChannel.EMAIL, consent(ConsentPolicy.Grant.DOUBLE_OPT_IN)))
                .isEmpty();
        assertThat(contact.consent(ContactChannel.EMAIL)).isEqualTo(ConsentStatus.CONFIRMED);
    }

    @Test
    void onlyAConfirmedOrPendingChannelCanBeWithdrawn() {
        Contact contact = contact();
        assertThat(ConsentPolicy.withdraw(contact, ContactChannel.EMAIL, FORM)).isEmpty();
        contact.setConsent(ContactChannel.EMAIL, ConsentStatus.PENDING);
        assertThat(ConsentPolicy.withdraw(contact, ContactChannel.EMAIL, FORM))
                .map(ConsentPolicy.Line::action)
                .contains(Action.WITHDRAWN);
        assertThat(contact.consent(ContactChannel.EMAIL)).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(ConsentPolicy.withdraw(contact, ContactChannel.EMAIL, FORM)).isEmpty();
    }

    @Test
    void consentToTextsNeedsAPhoneNumberAndNamesTheField() {
        assertThatThrownBy(() -> ConsentPolicy.requireAddress(contact(), ContactChannel.SMS))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("consents.sms"));
    }
}
