package dev.lifeline.console.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ProblemFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void contactServicesFieldNamesLandNextToTheFormsFields_asSentences() throws Exception {
        JsonNode problem = JSON.readTree("""
                {"status":400,"detail":"email not a valid e-mail address",
                 "errors":[{"field":"email","message":"not a valid e-mail address"},
                           {"field":"create.input.tags[2]","message":"size must be between 0 and 64"},
                           {"field":"consents.sms","message":"needs a phone number"}]}
                """);

        assertThat(ProblemFields.toForm(problem, ContactForm.FIELDS))
                .containsExactly(
                        entry("email", "Not a valid e-mail address."),
                        entry("tags", "Size must be between 0 and 64."),
                        entry("smsConsent", "Needs a phone number."));
    }

    @Test
    void aFieldTheFormDoesNotHave_orNoFieldAtAll_goesAboveTheForm() throws Exception {
        JsonNode unknownField = JSON.readTree("{\"errors\":[{\"field\":\"channelOrder\",\"message\":\"is wrong\"}]}");
        JsonNode noFields = JSON.readTree("{\"status\":400,\"detail\":\"malformed JSON\"}");

        assertThat(ProblemFields.toForm(unknownField, ContactForm.FIELDS)).containsExactly(entry("form", "Is wrong."));
        assertThat(ProblemFields.toForm(noFields, ContactForm.FIELDS))
                .containsExactly(entry("form", "Malformed JSON."));
    }
}
