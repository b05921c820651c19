package dev.lifeline.system;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.simulator.SimulatedHealth.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's console in a real browser (Debian's chromium, headless, driven by chromium-driver) against the running
 * services: sign up, the verification mail in the local stack's mail catcher, follow the link, sign in, and the
 * dashboard shows the business's platforms from monitor-service. Screenshots go to target/console-*.png.
 */
class ConsoleJourneySystemTest {

    private static final int CUSTOMERS = 12;
    private static final Pattern CAMPAIGN_URL = Pattern.compile("/campaigns/([0-9a-f-]{36})");

    private static RunningSystem system;
    private static ConsoleBrowser console;
    private static WebDriver browser;

    @BeforeAll
    static void startTheSystemTheConsoleAndABrowser() throws IOException {
        // Catalogue probes every 5 s (detection in ~15 s, not 90) and a send rate of 1 a second: the run's counts
        // then climb over several seconds, slowly enough for the page to show values between 0 and the audience.
        system = RunningSystem.start(
                Map.of(
                        RunningSystem.MONITOR, Map.of("lifeline.monitor.catalog-interval", "5s"),
                        RunningSystem.OUTREACH, Map.of("lifeline.limits.tenant-per-second", "1")),
                true);
        console = ConsoleBrowser.start(system, "console", 1100, 900);
        browser = console.browser;
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
    void anOwnerSignsUp_writesACampaign_andWatchesItsRunClimbLiveWhenInstagramGoesDown() throws IOException {
        String base = console.base;
        String email = "owner-" + System.nanoTime() + "@example.com";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "/signup");
        browser.findElement(By.id("businessName")).sendKeys("Ada's Café");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleBrowser.PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=platformIds][value=instagram]")))
                .click();
        console.screenshot("signup");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));

        browser.get(console.verificationLink(email));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Ada's Café"));
        console.confirmTheSignup();

        console.signIn(email);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ada's Café");
        assertThat(browser.manage().getCookieNamed("lifeline_session").isHttpOnly())
                .isTrue();

        // monitor-service learns the new tenant from tenants.v1 a moment after sign-up; the page updates by itself.
        // The part is replaced whenever it is fetched again, so the element is read in one go, as often as needed.
        String instagram = new WebDriverWait(browser, Duration.ofSeconds(90))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("li[data-platform=instagram]"))
                        .getText());
        assertThat(instagram).contains("Instagram").containsAnyOf("up", "unknown", "degraded", "down", "recovering");
        assertThat(browser.findElement(By.cssSelector("tr[data-channel=email]")).getText())
                .contains("0");
        console.screenshot("dashboard");
        console.assertAccessible("dashboard");

        createAnApiKeyOnTheSettingsPage(base, wait);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add("customer-" + i + "-" + System.nanoTime() + "@example.com");
        }
        importTheShopExport(base, customers);

        String campaign = writeAnEmailCampaignWithPreview(base, wait);
        awaitTheAudienceCount(wait);
        sendATestToTheOwner(email, wait);
        String journeyTab = browser.getWindowHandle();
        String dashboardTab = openTheDashboardLiveInAnotherTab(base, wait);
        browser.switchTo().window(journeyTab);

        browser.findElement(By.linkText("Campaigns")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-campaign='" + campaign + "']")));
        console.screenshot("campaigns");
        console.assertAccessible("campaigns");

        browser.findElement(By.linkText("Outages and runs")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Outages and runs"));
        system.simulator().set("instagram", Mode.FIVE_XX, Duration.ZERO, Duration.ZERO);
        Set<Integer> seen = watchTheRunsSentCount(campaign);
        console.screenshot("outages");
        console.assertAccessible("outages");

        System.out.println("Sent counts seen on the Outages and runs page: " + seen);
        assertThat(seen).as("sent counts the page showed while the run sent").hasSizeGreaterThanOrEqualTo(2);
        assertThat(seen).contains(CUSTOMERS);
        theDashboardShowsInstagramDownWithoutAReload(dashboardTab);
        browser.switchTo().window(journeyTab);
        // The customers' mails, the owner's verification and the owner's test.
        assertThat(system.stack.mail().awaitCount(CUSTOMERS + 2, Duration.ofSeconds(60)))
                .isTrue();
        List<CapturedMail> campaignMails = system.stack.mail().messages().stream()
                .filter(m -> m.subject().equals("Instagram is down, we are not"))
                .toList();
        assertThat(campaignMails.stream().flatMap(m -> m.to().stream())).containsExactlyInAnyOrderElementsOf(customers);
        assertThat(campaignMails.get(0).text()).contains("Order at https://shop.example");

        // The Outages page replaces its runs every second: a link found just before a refresh is gone when clicked.
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(By.cssSelector("div.run[data-run] a")).click();
                    return true;
                });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-status"), "completed"));
        assertThat(browser.findElements(By.cssSelector("#deliveries tr[data-state=sent]")))
                .hasSize(CUSTOMERS);
        console.screenshot("run");
        console.assertAccessible("run");

        setTheSenderOnTheSettingsPage(base, wait);
    }

    /** outreach refuses a display name with angle brackets: its message shows next to the field; a good one saves. */
    private static void setTheSenderOnTheSettingsPage(String base, WebDriverWait wait) {
        browser.get(base + "/settings");
        WebElement name = browser.findElement(By.id("displayName"));
        name.sendKeys("Ada <Café>");
        browser.findElement(By.cssSelector("form[action='/settings/sender'] button[type=submit]"))
                .click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("displayName-error")))
                        .getText())
                .isNotBlank();
        assertThat(browser.findElement(By.id("displayName")).getAttribute("value"))
                .isEqualTo("Ada <Café>");
        name = browser.findElement(By.id("displayName"));
        name.clear();
        name.sendKeys("Ada's Shop");
        browser.findElement(By.cssSelector("form[action='/settings/sender'] button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Sender saved."));
        assertThat(browser.findElement(By.id("sender-from")).getText()).contains("Ada's Shop");
        console.assertAccessible("settings");
    }

    /** The owner creates a key on the Settings page; it is shown once, and the test uses it as an import would. */
    private static String createAnApiKeyOnTheSettingsPage(String base, WebDriverWait wait) {
        browser.findElement(By.linkText("Settings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Settings"));
        browser.findElement(By.cssSelector("form[action='/settings/keys'] button[type=submit]"))
                .click();
        String key = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-key-value")))
                .getAttribute("value");
        assertThat(key).startsWith("ll_");
        console.screenshot("settings");
        console.assertAccessible("settings (new key)");
        browser.get(base + "/settings");
        assertThat(browser.findElements(By.id("new-key-value")))
                .as("a key is shown once")
                .isEmpty();
        assertThat(browser.findElement(By.id("keys")).getText()).contains("in use by this console");
        assertThat(browser.findElements(By.cssSelector("#keys button")))
                .as("only the new key can be revoked, not the console's own")
                .hasSize(1);
        return key;
    }

    /**
     * The customers arrive as a shop owner's do: Shopify's customer export uploaded on the Import page, its columns
     * recognised on the mapping step, imported until the progress bar is full.
     */
    private static void importTheShopExport(String base, List<String> customers) throws IOException {
        StringBuilder export = new StringBuilder(
                "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Country Code,Phone,Tags\n");
        for (int i = 0; i < customers.size(); i++) {
            export.append(8000 + i)
                    .append(",Grace,Customer ")
                    .append(i)
                    .append(',')
                    .append(customers.get(i));
            export.append(",yes,GB,,\"regular, newsletter\"\n");
        }
        Path csv = Files.createTempFile("shopify-customers", ".csv");
        Files.writeString(csv, export);
        browser.get(base + "/imports");
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("h1"), "Choose what each column is"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Shopify customer export");
        browser.findElement(By.id("start-import")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.textToBe(By.id("percent"), "100"));
        assertThat(browser.findElement(By.id("imported")).getText()).isEqualTo(Integer.toString(customers.size()));
        console.screenshot("import");
    }

    /**
     * A template with an unknown placeholder first: outreach's refusal shows next to the message field. Then the
     * real campaign, and its preview for the sample contact.
     */
    private static String writeAnEmailCampaignWithPreview(String base, WebDriverWait wait) {
        // outreach learns the new business's key from tenants.v1; until then the page says it is not available.
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> {
            d.get(base + "/campaigns");
            return d.findElement(By.tagName("h1")).getText().equals("Campaigns");
        });
        browser.findElement(By.linkText("New e-mail campaign")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subject")));
        browser.findElement(By.id("name")).sendKeys("Instagram fallback");
        new Select(browser.findElement(By.id("platformId"))).selectByValue("instagram");
        browser.findElement(By.id("subject")).sendKeys("Instagram is down, we are not");
        browser.findElement(By.id("textBody")).sendKeys("Hi {contact.nickname}");
        WebElement grace = browser.findElement(By.id("graceMinutes"));
        grace.clear();
        grace.sendKeys("0");
        browser.findElement(By.cssSelector("#campaign-form button[type=submit]"))
                .click();
        String refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("textBody-error")))
                .getText();
        assertThat(refusal).containsIgnoringCase("nickname");

        WebElement body = browser.findElement(By.id("textBody"));
        body.clear();
        body.sendKeys("Hi {contact.firstName}, {outage.platform} is down. Order at https://shop.example.");
        browser.findElement(By.cssSelector("#campaign-form button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("Saved.");
        assertThat(browser.findElement(By.id("preview-subject")).getText()).isEqualTo("Instagram is down, we are not");
        assertThat(browser.findElement(By.id("preview-text")).getText())
                .startsWith("Hi Alex,")
                .contains("Order at https://shop.example");
        Matcher id = CAMPAIGN_URL.matcher(browser.getCurrentUrl());
        assertThat(id.find()).as(browser.getCurrentUrl()).isTrue();
        return id.group(1);
    }

    /** The dry run counts the customers outreach knows; they reach it through contacts.v1, so count until all. */
    private static void awaitTheAudienceCount(WebDriverWait wait) {
        new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofSeconds(2))
                .ignoring(TimeoutException.class)
                .until(d -> {
                    d.findElement(By.cssSelector("form[action$='/audience'] button"))
                            .click();
                    WebElement audience = new WebDriverWait(d, Duration.ofSeconds(15))
                            .until(ExpectedConditions.presenceOfElementLocated(By.id("audience")));
                    new WebDriverWait(d, Duration.ofSeconds(15))
                            .until(x ->
                                    !x.findElement(By.id("audience")).getText().startsWith("Counting"));
                    return d.findElement(By.id("audience")).getText().startsWith(CUSTOMERS + " customers")
                            || audience == null;
                });
        ((JavascriptExecutor) browser).executeScript("document.getElementById('preview-heading').scrollIntoView()");
        console.screenshot("campaign");
        console.assertAccessible("campaign editor");
    }

    /** A dashboard left open in a tab, once its stream of platform changes is connected (it then stops polling). */
    private static String openTheDashboardLiveInAnotherTab(String base, WebDriverWait wait) {
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(base + "/dashboard");
        wait.until(ExpectedConditions.attributeToBe(By.id("platforms"), "data-live", "stream"));
        ((JavascriptExecutor) browser).executeScript("window.loadedOnce = true;");
        return browser.getWindowHandle();
    }

    /** The open dashboard learnt of the outage from the stream: same page (no reload), Instagram now down. */
    private static void theDashboardShowsInstagramDownWithoutAReload(String dashboardTab) {
        browser.switchTo().window(dashboardTab);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("li[data-platform=instagram] .state"))
                        .getText()
                        .equals("down"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.loadedOnce === true;"))
                .as("the dashboard changed in place, without a reload")
                .isEqualTo(true);
        assertThat(browser.findElement(By.id("last-outage")).getText()).contains("instagram");
        // While the outage is open the part keeps its figures current: what the campaign sent for it.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d ->
                        d.findElement(By.id("last-outage-sent")).getText().contains("sent " + CUSTOMERS + " messages"));
        console.screenshot("dashboard-outage");
    }

    /** "Send me a test": the owner's own address is filled in, and the campaign arrives there marked as a test. */
    private static void sendATestToTheOwner(String owner, WebDriverWait wait) {
        assertThat(browser.findElement(By.id("testTo")).getAttribute("value")).isEqualTo(owner);
        browser.findElement(By.cssSelector("#test-section button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "on its way to " + owner));
        CapturedMail test = console.awaitMail(
                m -> m.to().contains(owner) && m.subject().startsWith("[Test] "), Duration.ofSeconds(30));
        assertThat(test.subject()).isEqualTo("[Test] Instagram is down, we are not");
        assertThat(test.text()).startsWith("Hi Alex,").contains("Order at https://shop.example");
    }

    /** Reads the run's "sent" count on the live page until it reaches the audience; returns each value seen. */
    private static Set<Integer> watchTheRunsSentCount(String campaign) {
        Set<Integer> seen = new LinkedHashSet<>();
        By sent = By.cssSelector("div.run[data-run] [data-count=sent]");
        new WebDriverWait(browser, Duration.ofSeconds(180), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> counts = d.findElements(sent);
                    if (counts.isEmpty()) {
                        return false;
                    }
                    int value = Integer.parseInt(counts.get(0).getText().trim());
                    seen.add(value);
                    return value == CUSTOMERS;
                });
        assertThat(browser.findElement(By.cssSelector("li.outage[data-platform=instagram]"))
                        .getText())
                .contains("down now");
        assertThat(campaign).isNotBlank();
        return seen;
    }
}
