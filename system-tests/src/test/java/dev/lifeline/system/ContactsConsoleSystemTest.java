package dev.lifeline.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's Contacts and Import pages in a real browser (Debian's chromium, headless, through chromium-driver)
 * against the running contact-service: an owner signs up and in, adds a contact (first with a bad e-mail address,
 * which contact-service refuses and the page shows next to the field), imports a Shopify customer export through the
 * column-mapping step until the progress bar reaches 100 %, and finds the imported customers with the search.
 * Screenshots go to target/contacts-*.png.
 */
class ContactsConsoleSystemTest {

    /** The columns of Shopify's customer export (Customers → Export), three customers, one with a broken address. */
    static final String SHOPIFY_EXPORT = """
            Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags
            7001,Charles,Babbage,charles@engine.example,yes,,1 Dorset Street,,London,,GB,W1U 4EG,,07400 123456,no,120.00,3,,no,"vip, tea"
            7002,Mary,Somerville,mary@engine.example,no,,,,Burntisland,,GB,,,'+44 7400 654321,yes,35.50,1,,no,
            7003,Broken,Address,not-an-address,yes,,,,,,US,,,,no,0.00,0,,no,
            """;

    private static RunningSystem system;
    private static ConsoleBrowser console;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String base;

    @BeforeAll
    static void startTheSystemTheConsoleAndABrowser() throws IOException {
        system = RunningSystem.start(Map.of(), false);
        console = ConsoleBrowser.start(system, "contacts", 1200, 1000);
        browser = console.browser;
        wait = console.wait;
        base = console.base;
    }

    @AfterAll
    static void stopEverything() {
        if (console != null) {
            console.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anOwnerAddsAContact_importsAShopifyExportThroughTheMapping_andFindsTheImportedCustomers() throws IOException {
        console.signUpAndSignIn("Babbage & Co");

        // An empty list first, searchable.
        browser.get(base + "/contacts");
        assertThat(browser.findElement(By.id("no-contacts")).getText()).contains("No contacts yet");

        // Add: a bad e-mail address is refused by contact-service and shown next to the field, then corrected.
        browser.findElement(By.linkText("Add a contact")).click();
        browser.findElement(By.id("name")).sendKeys("Ada Lovelace");
        browser.findElement(By.id("email")).sendKeys("ada@@example");
        browser.findElement(By.id("emailConsent")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        WebElement emailError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        assertThat(emailError.getText()).isEqualTo("Not a valid e-mail address.");
        assertThat(browser.findElement(By.id("email")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Ada Lovelace");
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        console.screenshot("add-error");
        console.assertAccessible("add contact (refused)");
        WebElement email = browser.findElement(By.id("email"));
        email.clear();
        email.sendKeys("ada@example.com");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Ada Lovelace"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Contact added.");
        assertThat(browser.findElement(By.cssSelector("tr[data-channel=email]")).getText())
                .contains("confirmed");
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("api");

        // Import a Shopify export: recognised, mapped, imported until the bar is full.
        Path csv = Files.createTempFile("shopify-customers", ".csv");
        Files.writeString(csv, SHOPIFY_EXPORT);
        browser.get(base + "/imports");
        console.assertAccessible("import");
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Choose what each column is"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Shopify customer export");
        assertThat(chosen("Email")).isEqualTo("email");
        assertThat(chosen("Default Address Country Code")).isEqualTo("country");
        assertThat(chosen("Accepts Email Marketing")).isEqualTo("email_consent");
        assertThat(chosen("Default Address City")).isEqualTo("ignore");
        // The owner keeps the city after all.
        new Select(browser.findElement(By.cssSelector("tr[data-column='Default Address City'] select")))
                .selectByValue("attribute");
        console.screenshot("import-mapping");
        console.assertAccessible("import mapping");
        browser.findElement(By.id("start-import")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.textToBe(By.id("percent"), "100"));
        wait.until(ExpectedConditions.textToBe(By.id("state"), "Done."));
        assertThat(browser.findElement(By.id("progress")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("imported")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("failed")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("errors-link")).isDisplayed()).isTrue();
        console.screenshot("import-done");
        console.assertAccessible("import progress");
        String errors = fetchText(browser.findElement(By.id("errors-link")).getAttribute("href"));
        assertThat(errors)
                .startsWith("200\n")
                .contains("row,field,message", "4,\"email\",\"")
                .containsIgnoringCase("not a valid e-mail address");

        // The imported customers are listed and found by the search, phone numbers read in their row's country.
        browser.findElement(By.id("contacts-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contacts")));
        assertThat(rows()).hasSize(3);
        browser.findElement(By.id("q")).sendKeys("engine.example");
        browser.findElement(By.cssSelector("form.search button")).click();
        wait.until(ExpectedConditions.urlContains("q=engine.example"));
        List<String> found = rows();
        assertThat(found).hasSize(2);
        assertThat(String.join("\n", found))
                .contains("Charles Babbage", "+447400123456", "vip, tea")
                .contains("Mary Somerville", "+447400654321")
                .doesNotContain("Ada Lovelace");
        console.screenshot("list");
        console.assertAccessible("contacts");
        browser.findElement(By.linkText("Charles Babbage")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Charles Babbage"));
        assertThat(browser.findElement(By.cssSelector("tr[data-channel=email]")).getText())
                .contains("confirmed");
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("import");
        console.screenshot("detail");
        console.assertAccessible("contact detail");

        // Export: contact-service's CSV, streamed through the console.
        String export = fetchText(base + "/contacts/export.csv");
        assertThat(export)
                .startsWith("200\n")
                .contains("charles@engine.example", "mary@engine.example", "ada@example.com");

        // Erase, after a confirmation step.
        browser.findElement(By.linkText("Erase…")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Erase Charles Babbage?"));
        browser.findElement(By.id("confirm-erase")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "The contact was erased"));
        assertThat(String.join("\n", rows())).doesNotContain("Charles").contains("Mary Somerville", "Ada Lovelace");
    }

    /** GETs a URL from the page, with its cookies, as a download link would: the status, a line break, the body. */
    private static String fetchText(String url) {
        Object answer = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'})"
                                + ".then(function (r) { return r.text().then(function (t) { done(r.status + '\\n' + t); }); })"
                                + ".catch(function (e) { done('failed ' + e); });",
                        url);
        return String.valueOf(answer);
    }

    private static List<String> rows() {
        return browser.findElements(By.cssSelector("#contacts tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static String chosen(String column) {
        return new Select(browser.findElement(By.cssSelector("tr[data-column='" + column + "'] select")))
                .getFirstSelectedOption()
                .getAttribute("value");
    }
}
