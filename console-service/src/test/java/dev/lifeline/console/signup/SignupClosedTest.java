package dev.lifeline.console.signup;

import dev.lifeline.console.support.Browser;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator switched self sign-up off: the page says so, and a posted form creates and sends nothing. */
@QuarkusTest
@TestProfile(SignupClosedTest.SignupOff.class)
class SignupClosedTest {

    public static class SignupOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lifeline.console.signup-enabled", "false");
        }
    }

    @InjectLocalStack
    LocalStack stack;

    @Test
    void withSignUpOffThePageSaysItIsClosed_andAPostedFormIsRefusedWithoutAMail() {
        Browser browser = new Browser();
        Response page = browser.get("/signup");
        assertThat(page.asString()).contains("Sign-up is closed").doesNotContain("name=\"password\"");
        browser.get("/signin");
        String email = "closed-" + UUID.randomUUID() + "@example.com";

        Response refused = browser.post(
                "/signup",
                Map.of(
                        "businessName",
                        "Shop",
                        "email",
                        email,
                        "password",
                        "a long enough password",
                        "region",
                        "DE",
                        "timeZone",
                        "Europe/Berlin"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("Sign-up is closed");
        assertThat(stack.mail().messages()).noneMatch(m -> m.to().contains(email));
    }
}
