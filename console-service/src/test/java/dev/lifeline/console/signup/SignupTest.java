package dev.lifeline.console.signup;

import dev.lifeline.console.support.Browser;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-up form and its verification mail (real SMTP of local-stack). Creating the business needs contact-service,
 * which this module does not run: that part is system-tests' ConsoleJourneySystemTest.
 */
@QuarkusTest
class SignupTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/signup/verify\\?token=\\S+)");

    @InjectLocalStack
    LocalStack stack;

    @Test
    void aSignUpMailsAVerificationLink_andUntilItIsFollowedSignInSaysToConfirmFirst() {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        Browser browser = new Browser();
        browser.get("/signup");

        Response sent = browser.post(
                "/signup",
                Map.of(
                        "businessName",
                        "Ada's Café",
                        "email",
                        email,
                        "password",
                        "a long enough password",
                        "region",
                        "de",
                        "timeZone",
                        "Europe/Berlin"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.asString()).contains("Check your inbox");
        String link = linkIn(awaitMailTo(email));
        assertThat(link).startsWith("http://localhost:8085/signup/verify?token=");
        Response confirm = browser.get(link.substring(link.indexOf("/signup/")));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.asString()).contains("Ada&#39;s Café", "Confirm and create my business");

        browser.get("/signin");
        Response unverified = browser.post("/signin", Map.of("email", email, "password", "a long enough password"));
        assertThat(unverified.statusCode()).isEqualTo(403);
        assertThat(unverified.asString()).contains("id=\"email-error\"", "Confirm your e-mail address first");
    }

    @Test
    void badInputGetsAMessageNextToEachField_andNothingIsSent() {
        Browser browser = new Browser();
        browser.get("/signup");
        int before = stack.mail().messages().size();

        Response refused = browser.post(
                "/signup",
                Map.of(
                        "businessName",
                        "",
                        "email",
                        "not-an-address",
                        "password",
                        "short",
                        "region",
                        "XX",
                        "timeZone",
                        "Mars/Olympus",
                        "platformIds",
                        "Not A Platform!"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains(
                        "id=\"businessName-error\"",
                        "id=\"email-error\"",
                        "id=\"password-error\"",
                        "id=\"region-error\"",
                        "id=\"timeZone-error\"",
                        "id=\"platformIds-error\"",
                        "value=\"not-an-address\"")
                .doesNotContain("Exception");
        assertThat(stack.mail().messages()).hasSize(before);
    }

    @Test
    void anUnknownOrUsedLinkSaysItDoesNotWork() {
        Browser browser = new Browser();
        Response page = browser.get("/signup/verify?token=" + "A".repeat(43));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.asString()).contains("This link does not work");

        browser.get("/signin");
        Response post = browser.post("/signup/verify", Map.of("token", "A".repeat(43)));
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.asString()).contains("This link does not work");
    }

    @Test
    void confirmingWithoutTheCsrfTokenIsRefused403() {
        Response refused = new Browser().postRaw("/signup/verify", Map.of("token", "A".repeat(43)));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private CapturedMail awaitMailTo(String email) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<CapturedMail> mail = stack.mail().messages().stream()
                    .filter(m -> m.to().contains(email))
                    .findFirst();
            if (mail.isPresent()) {
                return mail.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail to " + email);
    }

    private static String linkIn(CapturedMail mail) {
        Matcher matcher = LINK.matcher(mail.text());
        assertThat(matcher.find()).as(mail.text()).isTrue();
        return matcher.group(1);
    }
}
