package dev.lifeline.contact.profile;

import dev.lifeline.contact.input.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactNormaliserTest {

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(ContactNormaliser.email("  Ada.Lovelace+shop@Example.COM "))
                .isEqualTo("ada.lovelace+shop@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ada",
                "ada@",
                "@example.com",
                "ada@example",
                "ada@@example.com",
                "ada lovelace@example.com",
                "ada@exa_mple.com",
                "ada..l@example.com",
                ".ada@example.com"
            })
    void malformedEmailsAreRejected(String email) {
        assertThatThrownBy(() -> ContactNormaliser.email(email))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("email");
    }

    @Test
    void tooLongLocalPartIsRejected() {
        assertThatThrownBy(() -> ContactNormaliser.email("a".repeat(65) + "@example.com"))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void phoneBecomesE164WithTheDefaultRegion() {
        assertThat(ContactNormaliser.phone("0151 12345678", "DE")).isEqualTo("+4915112345678");
        assertThat(ContactNormaliser.phone("+49 (0)151-1234 5678", "GB")).isEqualTo("+4915112345678");
        assertThat(ContactNormaliser.phone("(202) 555-0143", "US")).isEqualTo("+12025550143");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "not a number", "+49 151", "0000000000000000"})
    void invalidPhonesAreRejected(String phone) {
        assertThatThrownBy(() -> ContactNormaliser.phone(phone, "DE"))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("phone");
    }

    @Test
    void absentValuesStayAbsent() {
        assertThat(ContactNormaliser.email(null)).isNull();
        assertThat(ContactNormaliser.phone(null, "DE")).isNull();
    }
}
