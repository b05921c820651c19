package dev.lifeline.console.contacts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContactFormTest {

    @Test
    void savingAnEditSendsOnlyTheConsentsThatChanged_soANameChangeGrantsOrWithdrawsNothing() {
        ContactForm before = new ContactForm("Ada", "ada@example.com", "", "vip", true, false);

        Map<String, Object> nameOnly =
                new ContactForm("Ada L.", "ada@example.com", "", "vip", true, false).changeBody(before);
        Map<String, Object> withdrawn =
                new ContactForm("Ada", "ada@example.com", "", "vip", false, false).changeBody(before);

        assertThat(nameOnly).containsOnlyKeys("name", "email").containsEntry("name", "Ada L.");
        assertThat(withdrawn).containsEntry("consents", Map.of("email", false));
    }

    @Test
    void tagsAreCommaSeparated_trimmed_andWithoutRepeats() {
        ContactForm form = new ContactForm("", "a@example.com", "", " vip,  gold ,vip,, ", false, false);

        assertThat(form.tagList()).isEqualTo(List.of("vip", "gold"));
        assertThat(form.createBody()).containsEntry("tags", List.of("vip", "gold"));
    }

    @Test
    void aNewContactNeedsAnAddressOrANumber_andEachTickedChannelItsOwn() {
        assertThat(ContactForm.empty().problems(true)).containsKey("email");
        assertThat(new ContactForm("", "", "+441234", "", true, false).problems(true))
                .containsEntry("email", "E-mail consent needs an e-mail address.");
        assertThat(new ContactForm("", "a@example.com", "", "", true, false).problems(true))
                .isEmpty();
    }
}
