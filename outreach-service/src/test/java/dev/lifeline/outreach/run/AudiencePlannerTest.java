package dev.lifeline.outreach.run;

import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.outreach.contacts.ProjectedContact;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.lifeline.events.contact.ContactChannel.EMAIL;
import static dev.lifeline.events.contact.ContactChannel.SMS;
import static dev.lifeline.events.contact.ContactChannel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;

class AudiencePlannerTest {

    private static ProjectedContact contact(
            String id, List<ContactChannel> order, Map<ContactChannel, ConsentStatus> consents, List<String> tags) {
        return new ProjectedContact(
                "t", id, "N", "a@example.com", "+4915112345678", "de", "Europe/Berlin", tags, order, consents);
    }

    private static final Map<ContactChannel, ConsentStatus> ALL =
            Map.of(EMAIL, ConsentStatus.CONFIRMED, SMS, ConsentStatus.CONFIRMED, WHATSAPP, ConsentStatus.CONFIRMED);

    @Test
    void onlyContactsWithConfirmedConsentForTheChannel() {
        var list = List.of(
                contact("yes", List.of(), Map.of(EMAIL, ConsentStatus.CONFIRMED), List.of()),
                contact("pending", List.of(), Map.of(EMAIL, ConsentStatus.PENDING), List.of()),
                contact("withdrawn", List.of(), Map.of(EMAIL, ConsentStatus.WITHDRAWN), List.of()));
        assertThat(AudiencePlanner.plan(list, EMAIL, EnumSet.of(EMAIL), Set.of("instagram"), List.of(), Set.of()))
                .containsExactly("yes");
    }

    @Test
    void eachContactGetsTheirPreferredOfferedChannelOnly() {
        var smsFirst = contact("sms-first", List.of(SMS, EMAIL), ALL, List.of());
        var emailFirst = contact("email-first", List.of(EMAIL, SMS), ALL, List.of());
        Set<ContactChannel> offered = EnumSet.of(EMAIL, SMS);
        assertThat(AudiencePlanner.plan(
                        List.of(smsFirst, emailFirst), EMAIL, offered, Set.of("instagram"), List.of(), Set.of()))
                .containsExactly("email-first");
        assertThat(AudiencePlanner.plan(
                        List.of(smsFirst, emailFirst), SMS, offered, Set.of("instagram"), List.of(), Set.of()))
                .containsExactly("sms-first");
    }

    @Test
    void theChannelThatIsDownIsNeverUsed() {
        var whatsappFirst = contact("w", List.of(WHATSAPP, SMS), ALL, List.of());
        assertThat(AudiencePlanner.chosenChannel(
                        whatsappFirst, EnumSet.of(WHATSAPP, SMS), AudiencePlanner.downChannel(Set.of("whatsapp"))))
                .isEqualTo(SMS);
        assertThat(AudiencePlanner.chosenChannel(
                        whatsappFirst, EnumSet.of(WHATSAPP, SMS), AudiencePlanner.downChannel(Set.of("instagram"))))
                .isEqualTo(WHATSAPP);
    }

    @Test
    void whenOnePlatformOfTheMetaFamilyIsDownWhatsAppIsAvoidedToo() {
        var whatsappFirst = contact("w", List.of(WHATSAPP, SMS), ALL, List.of());
        Set<String> meta = Set.of("instagram", "facebook", "messenger", "whatsapp");
        assertThat(AudiencePlanner.plan(
                        List.of(whatsappFirst), SMS, EnumSet.of(WHATSAPP, SMS), meta, List.of(), Set.of()))
                .containsExactly("w");
        assertThat(AudiencePlanner.plan(
                        List.of(whatsappFirst), WHATSAPP, EnumSet.of(WHATSAPP, SMS), meta, List.of(), Set.of()))
                .isEmpty();
    }

    @Test
    void tagFilterAndAlreadyNotifiedContactsAreLeftOut() {
        var vip = contact("vip", List.of(), ALL, List.of("vip", "berlin"));
        var plain = contact("plain", List.of(), ALL, List.of("berlin"));
        var notified = contact("notified", List.of(), ALL, List.of("vip"));
        assertThat(AudiencePlanner.plan(
                        List.of(vip, plain, notified),
                        EMAIL,
                        EnumSet.of(EMAIL),
                        Set.of("x"),
                        List.of("vip"),
                        Set.of("notified")))
                .containsExactly("vip");
    }

    @Test
    void aContactWithoutAnAddressForTheChannelIsSkipped() {
        var noEmail =
                new ProjectedContact("t", "n", "N", null, "+4915112345678", "de", null, List.of(), List.of(), ALL);
        assertThat(AudiencePlanner.plan(
                        List.of(noEmail), EMAIL, EnumSet.of(EMAIL, SMS), Set.of("x"), List.of(), Set.of()))
                .isEmpty();
        assertThat(AudiencePlanner.plan(
                        List.of(noEmail), SMS, EnumSet.of(EMAIL, SMS), Set.of("x"), List.of(), Set.of()))
                .containsExactly("n");
    }
}
