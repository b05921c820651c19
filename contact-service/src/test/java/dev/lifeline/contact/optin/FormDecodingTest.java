package dev.lifeline.contact.optin;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormDecodingTest {

    private static Map<String, String> decode(String body) throws Exception {
        return FormResource.decode(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), 1024);
    }

    @Test
    void aFormIsDecodedAsUtf8WithTheFirstValueOfEachField() throws Exception {
        assertThat(decode("name=Ada+L%C3%B6we&email=ada%40example.com&emailConsent=yes&name=second&flag"))
                .containsEntry("name", "Ada Löwe")
                .containsEntry("email", "ada@example.com")
                .containsEntry("emailConsent", "yes")
                .containsEntry("flag", "");
    }

    @Test
    void badEscapesAndBytesThatAreNotUtf8AreTheSendersError() {
        for (String body :
                new String[] {"name=%ZZ", "name=%4", "email=%", "name=%FF%FE", "name=%ED%A0%80", "name=\u00ff"}) {
            assertThatThrownBy(() -> decode(body))
                    .as(body)
                    .isInstanceOfSatisfying(
                            FormResource.MalformedForm.class,
                            e -> assertThat(e.status).isEqualTo(400));
        }
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        assertThatThrownBy(() -> decode("name=" + "a".repeat(2000)))
                .isInstanceOfSatisfying(
                        FormResource.MalformedForm.class,
                        e -> assertThat(e.status).isEqualTo(413));
    }
}
