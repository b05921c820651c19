package dev.lifeline.system;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.FreePort;
import dev.lifeline.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's console in a real browser (Debian's chromium, headless, driven by chromium-driver) against the running
 * services: sign up, the verification mail in the local stack's mail catcher, follow the link, sign in, and the
 * dashboard shows the business's platforms from monitor-service. Screenshots go to target/console-*.png.
 */
class ConsoleJourneySystemTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/signup/verify\\?token=\\S+)");

    private static RunningSystem system;
    private static ServiceProcess console;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startTheSystemTheConsoleAndABrowser() throws IOException {
        assertThat(new File(CHROMIUM).canExecute())
                .as("Debian's chromium (apt-get install chromium chromium-driver)")
                .isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute())
                .as("chromium-driver (apt-get install chromium-driver)")
                .isTrue();
        system = RunningSystem.start(Map.of(), true);
        console = startConsole(system);
        profile = Files.createTempDirectory("console-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1100,900",
                "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.stop();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anOwnerSignsUp_confirmsTheMailedLink_signsIn_andSeesTheirPlatformsLive() {
        String base = "http://localhost:" + console.httpPort();
        String email = "owner-" + System.nanoTime() + "@example.com";
        String password = "a long enough password";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "/signup");
        browser.findElement(By.id("businessName")).sendKeys("Ada's Café");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=platformIds][value=instagram]")))
                .click();
        screenshot("signup");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));

        String link = linkIn(awaitMailTo(email));
        browser.get(link);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Ada's Café"));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your business is ready"));

        browser.findElement(By.linkText("Sign in")).click();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/dashboard"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ada's Café");
        assertThat(browser.manage().getCookieNamed("lifeline_session").isHttpOnly())
                .isTrue();

        // monitor-service learns the new tenant from tenants.v1 a moment after sign-up; the page updates by itself.
        new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-platform=instagram]")));
        String instagram = browser.findElement(By.cssSelector("li[data-platform=instagram]"))
                .getText();
        assertThat(instagram).contains("Instagram").containsAnyOf("up", "unknown", "degraded", "down", "recovering");
        assertThat(browser.findElement(By.cssSelector("tr[data-channel=email]")).getText())
                .contains("0");
        screenshot("dashboard");
    }

    private static ServiceProcess startConsole(RunningSystem system) {
        int port = FreePort.pick();
        Map<String, String> config = new HashMap<>(system.stack.quarkusConfig("console"));
        config.put("lifeline.console.public-base-url", "http://localhost:" + port);
        config.put("lifeline.console.admin-key", RunningSystem.ADMIN_KEY);
        config.put("lifeline.console.key-encryption-key", "c3lzdGVtLXRlc3QtY29uc29sZS1rZXktMzItYnl0ZXM=");
        config.put("lifeline.console.services.contact-url", system.contacts().baseUrl());
        config.put("lifeline.console.services.monitor-url", system.monitor().baseUrl());
        config.put("lifeline.console.services.outreach-url", system.outreach().baseUrl());
        config.put("lifeline.console.bcrypt-cost", "10");
        Path home = Path.of(System.getProperty("lifeline.services.dir", ".."))
                .toAbsolutePath()
                .normalize();
        ServiceProcess process = ServiceProcess.start(
                "console-service",
                home.resolve("console-service/target/quarkus-app/quarkus-run.jar"),
                port,
                config,
                system.logsDir().resolve("console-service.log"));
        process.awaitReady(Duration.ofSeconds(Long.getLong("lifeline.ready-timeout-seconds", 180)));
        return process;
    }

    private static CapturedMail awaitMailTo(String email) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Optional<CapturedMail> mail = system.stack.mail().messages().stream()
                    .filter(m -> m.to().contains(email))
                    .findFirst();
            if (mail.isPresent()) {
                return mail.get();
            }
            sleep();
        }
        throw new AssertionError("no verification mail to the new owner in the mail catcher");
    }

    private static String linkIn(CapturedMail mail) {
        Matcher matcher = LINK.matcher(mail.text());
        assertThat(matcher.find()).as(mail.text()).isTrue();
        return matcher.group(1);
    }

    private static void screenshot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Path target = Path.of("target", "console-" + name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
