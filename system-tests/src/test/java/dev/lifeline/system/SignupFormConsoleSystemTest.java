package dev.lifeline.system;

import com.sun.net.httpserver.HttpServer;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's Sign-up form page in a real browser against the running contact-service: the owner changes the
 * consent text (a refusal first, shown next to the field), sees it in the preview, allows the shop's website and
 * copies the snippet; the snippet, on a plain page of another origin (the shop's own site, here a JDK HttpServer on
 * {@code localhost} while contact-service is {@code 127.0.0.1}), draws the form; a customer signs up with it,
 * confirms with the mailed link, and appears in the owner's Contacts with the new wording as consent proof.
 */
class SignupFormConsoleSystemTest {

    private static final Pattern CONFIRM = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/confirm/\\S+)");
    private static final String EMAIL_TEXT = "Yes, e-mail me when Instagram is down. Lovelace Teas, Berlin";

    private static RunningSystem system;
    private static ConsoleBrowser console;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static HttpServer shop;
    private static final AtomicReference<String> shopPage = new AtomicReference<>("");

    @BeforeAll
    static void startTheSystemTheConsoleABrowserAndTheShopsWebsite() throws IOException {
        system = RunningSystem.start(Map.of(), false);
        console = ConsoleBrowser.start(system, "signupform", 1200, 1000);
        browser = console.browser;
        wait = console.wait;
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.pick()), 0);
        shop.createContext("/", exchange -> {
            byte[] body = shopPage.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        shop.start();
    }

    @AfterAll
    static void stopEverything() {
        if (shop != null) {
            shop.stop(0);
        }
        if (console != null) {
            console.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theOwnerCopiesTheSnippet_aCustomerSignsUpWithItOnTheShopsOwnSite_andAppearsInContacts() {
        // The shop's site: another origin than both the console and contact-service.
        String shopOrigin = "http://localhost:" + shop.getAddress().getPort();
        console.browser.get(console.base + "/signup");
        console.assertAccessible("sign-up");
        console.browser.get(console.base + "/signin");
        console.assertAccessible("sign-in");
        console.signUpAndSignIn("Lovelace Teas");

        browser.findElement(By.linkText("Sign-up form")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sign-up form"));
        assertThat(browser.findElement(By.id("emailText")).getAttribute("value"))
                .isEqualTo("Yes, e-mail me if we cannot reach you on social media.");

        // A website address contact-service refuses (over its 200 characters): its message next to the field.
        WebElement websites = browser.findElement(By.id("websites"));
        websites.sendKeys("https://" + "a".repeat(200) + ".example");
        browser.findElement(By.cssSelector("#texts-form button[type=submit]")).click();
        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("websites-error")));
        assertThat(refusal.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("websites")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        console.screenshot("refused");
        console.assertAccessible("sign-up form (refused)");

        // The new wording and the shop's site, saved: a new consent version, shown in the preview.
        WebElement emailText = browser.findElement(By.id("emailText"));
        emailText.clear();
        emailText.sendKeys(EMAIL_TEXT);
        websites = browser.findElement(By.id("websites"));
        websites.clear();
        websites.sendKeys(shopOrigin);
        browser.findElement(By.cssSelector("#texts-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "version 2"));
        assertThat(browser.findElement(By.id("websites")).getAttribute("value")).isEqualTo(shopOrigin);
        browser.switchTo().frame(browser.findElement(By.id("form-preview")));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("form")))
                        .getText())
                .contains(EMAIL_TEXT);
        browser.switchTo().defaultContent();
        console.screenshot("page");
        console.assertAccessible("sign-up form");

        // The snippet, copied with the keyboard: focus the button, press Enter.
        WebElement copy = browser.findElement(By.id("copy-snippet"));
        copy.sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElement(By.id("copy-status")).getText().isBlank());
        assertThat(browser.findElement(By.id("copy-status")).getText()).containsAnyOf("Copied.", "Ctrl+C");
        String snippet = browser.findElement(By.id("snippet")).getAttribute("value");
        String hostedForm = browser.findElement(By.id("form-link")).getAttribute("href");
        assertThat(snippet).contains("<div data-lifeline-form></div>", "/embed.js\"></script>");

        // The shop's own page with the snippet: the form appears, a customer signs up.
        shopPage.set("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lovelace Teas</title>"
                + "</head><body><main><h1>Lovelace Teas</h1><p>Stay in touch:</p>" + snippet + "</main></body></html>");
        browser.get(shopOrigin + "/");
        WebElement form =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-lifeline-form] form")));
        assertThat(form.getText()).contains(EMAIL_TEXT);
        String customer = "grace-" + System.nanoTime() + "@example.com";
        form.findElement(By.name("name")).sendKeys("Grace Hopper");
        form.findElement(By.name("email")).sendKeys(customer);
        form.findElement(By.name("emailConsent")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-lifeline-form] .ll-msg"), "Please confirm with the link we e-mailed you"));
        console.screenshot("embedded");

        // Double opt-in: the mail arrives, the customer follows the link and confirms.
        CapturedMail mail = console.awaitMailTo(customer, Duration.ofSeconds(60));
        Matcher link = CONFIRM.matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        browser.get(link.group(1));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed")));

        // The owner finds the customer in Contacts, confirmed, with the wording agreed to as proof.
        browser.get(console.base + "/contacts");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Grace Hopper")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Grace Hopper"));
        assertThat(browser.findElement(By.cssSelector("tr[data-channel=email]")).getText())
                .contains("confirmed");
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("form", "tenant-v2");
        console.screenshot("contact");

        // contact-service's own pages, for the record only: this test asserts the console's pages, not these.
        browser.get(shopOrigin + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-lifeline-form] form")));
        Accessibility.check(browser, "(not asserted) shop page with contact-service's embedded form");
        browser.get(hostedForm);
        Accessibility.check(browser, "(not asserted) contact-service's hosted form");
    }
}
