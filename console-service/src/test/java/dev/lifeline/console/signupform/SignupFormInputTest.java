package dev.lifeline.console.signupform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignupFormInputTest {

    @Test
    void websitesAreOneALine_withoutTrailingSlashesBlankLinesOrRepeats() {
        SignupFormInput input = new SignupFormInput(
                "Yes", "Yes", "https://Shop.Example/\r\n\n  http://localhost:8080  \nhttps://shop.example");

        assertThat(input.websiteList()).containsExactly("https://shop.example", "http://localhost:8080");
        assertThat(input.problems()).isEmpty();
    }

    @Test
    void noWebsitesIsFine_theHostedFormStillWorks() {
        assertThat(new SignupFormInput("Yes", "Yes", null).websiteList()).isEmpty();
        assertThat(new SignupFormInput("Yes", "Yes", "").problems()).isEmpty();
    }

    @Test
    void aWebsiteWithAPathOrWithoutSchemeIsNamed() {
        assertThat(new SignupFormInput("Yes", "Yes", "shop.example").problems())
                .containsOnlyKeys("websites")
                .containsValue(
                        "\"shop.example\" is not a website address: write it as https://myshop.example (no path).");
        assertThat(new SignupFormInput("Yes", "Yes", "https://shop.example/form").problems())
                .containsOnlyKeys("websites");
    }

    @Test
    void moreThanFiftyWebsitesAreRefused() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            lines.append("https://shop").append(i).append(".example\n");
        }

        assertThat(new SignupFormInput("Yes", "Yes", lines.toString()).problems())
                .containsEntry("websites", "At most 50 websites.");
    }

    @Test
    void textsMustBeThere_fitContactServicesLimit_andHoldNoControlCharacters() {
        assertThat(new SignupFormInput(" ", "Yes", "").problems()).containsOnlyKeys("emailText");
        assertThat(new SignupFormInput("Yes", String.join("", Collections.nCopies(2001, "y")), "").problems())
                .containsOnlyKeys("smsText");
        assertThat(new SignupFormInput("Yes\u0007", "Yes\nplease\tand thanks", "").problems())
                .containsOnlyKeys("emailText");
        assertThat(new SignupFormInput("x".repeat(2000), "Yes", "").problems()).isEmpty();
    }

    @Test
    void theSnippetLoadsTheBusinesssEmbedScriptFromContactService() {
        assertThat(SignupFormView.snippet("https://forms.lifeline.example", "ada-shop"))
                .isEqualTo("<div data-lifeline-form></div>\n"
                        + "<script src=\"https://forms.lifeline.example/f/ada-shop/embed.js\"></script>");
    }

    @Test
    void contactServicesTenantIsReadAsTheFormsSettings() throws Exception {
        var tenant = new ObjectMapper()
                .readTree("{\"slug\":\"ada-shop\",\"consentVersion\":3,\"corsOrigins\":[\"https://shop.example\"],"
                        + "\"consentTexts\":{\"email\":\"Mail me\",\"sms\":\"Text me\"}}");

        assertThat(SignupFormClient.settings(tenant))
                .isEqualTo(new SignupFormClient.FormSettings(
                        "ada-shop", "Mail me", "Text me", 3, List.of("https://shop.example")));
    }
}
