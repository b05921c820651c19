package dev.lifeline.console.signup;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignupFormTest {

    @Test
    void aGoodFormIsNormalised_andHasNoErrors() {
        SignupForm form = SignupForm.of(
                "  Ada's Café ",
                " Ada@Example.COM ",
                "a long enough password",
                "de",
                "Europe/Berlin",
                List.of("instagram", "instagram", " "));

        assertThat(form.email()).isEqualTo("ada@example.com");
        assertThat(form.region()).isEqualTo("DE");
        assertThat(form.platformIds()).containsExactly("instagram");
        assertThat(form.errors(Set.of("instagram", "facebook"))).isEmpty();
    }

    @Test
    void eachBadFieldIsNamed() {
        SignupForm form = SignupForm.of("", "ada@", "short", "ZZ", "+01:00", List.of("myspace"));

        assertThat(form.errors(Set.of("instagram")).keySet())
                .containsExactlyInAnyOrder("businessName", "email", "password", "region", "timeZone", "platformIds");
    }

    @Test
    void aPasswordOverBcrypts72BytesIsRefused_evenWhenItHasFewerCharacters() {
        SignupForm form = SignupForm.of("Shop", "a@example.com", "é".repeat(40), "DE", "Europe/Berlin", List.of());

        assertThat(form.errors(null)).containsKey("password");
    }

    @Test
    void aSlugFitsContactServicesPattern_whateverTheName() {
        assertThat(Slugs.from("Ada's Café & Bäckerei")).matches("ada-s-cafe-backerei-[0-9a-f]{6}");
        assertThat(Slugs.from("!!!")).matches("shop-[0-9a-f]{6}");
        assertThat(Slugs.from("x".repeat(200))).matches("[a-z0-9][a-z0-9-]{1,62}");
    }
}
