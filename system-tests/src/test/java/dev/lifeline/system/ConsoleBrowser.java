package dev.lifeline.system;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.ServiceProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up every console browser test shares: console-service started from its production jar beside a
 * {@link RunningSystem}, and Debian's chromium, headless, driven through chromium-driver; plus what each test does
 * the same way (sign up through the verification mail, sign in, screenshots under target/).
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/signup/verify\\?token=\\S+)");
    static final String PASSWORD = "a long enough password";

    final RunningSystem system;
    final ServiceProcess console;
    final WebDriver browser;
    final WebDriverWait wait;
    /** The console's origin, {@code http://localhost:port}. */
    final String base;

    private final String screenshotPrefix;

    private ConsoleBrowser(RunningSystem system, ServiceProcess console, WebDriver browser, String screenshotPrefix) {
        this.system = system;
        this.console = console;
        this.browser = browser;
        this.screenshotPrefix = screenshotPrefix;
        this.base = "http://localhost:" + console.httpPort();
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /**
     * Starts the console against {@code system} ({@link RunningSystem#startConsole}) and a browser window of
     * the given size; screenshots are saved as {@code target/<name>-*.png}.
     */
    static ConsoleBrowser start(RunningSystem system, String name, int width, int height) throws IOException {
        assertThat(new File(CHROMIUM).canExecute())
                .as("Debian's chromium (apt-get install chromium chromium-driver)")
                .isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute())
                .as("chromium-driver (apt-get install chromium-driver)")
                .isTrue();
        ServiceProcess console = system.startConsole(Map.of());
        Path profile = Files.createTempDirectory(name + "-chromium-profile");
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
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            return new ConsoleBrowser(system, console, new ChromeDriver(driver, options), name);
        } catch (RuntimeException e) {
            console.stop();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            console.stop();
        }
    }

    /** Signs a new business up (verification mail followed, confirmed) and its owner in; returns the owner's e-mail. */
    String signUpAndSignIn(String businessName) {
        String email = "owner-" + System.nanoTime() + "@example.com";
        browser.get(base + "/signup");
        browser.findElement(By.id("businessName")).sendKeys(businessName);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        WebElement region = browser.findElement(By.id("region"));
        region.clear();
        region.sendKeys("DE");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
        browser.get(verificationLink(email));
        confirmTheSignup();
        signIn(email);
        return email;
    }

    /**
     * Confirms on the verification page. On a loaded machine contact-service may not answer in time: the page then
     * offers "Try again", as to a user, and this clicks it.
     */
    void confirmTheSignup() {
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofSeconds(2))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String heading = d.findElement(By.tagName("h1")).getText();
                    if (heading.equals("Almost there")) {
                        d.findElement(By.cssSelector("main form button[type=submit]"))
                                .click();
                    }
                    return heading.equals("Your business is ready");
                });
    }

    void signIn(String email) {
        browser.get(base + "/signin");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/dashboard"));
    }

    /** The verification link of the sign-up mail to {@code email}, from the mail catcher. */
    String verificationLink(String email) {
        CapturedMail mail = awaitMailTo(email, Duration.ofSeconds(30));
        Matcher matcher = LINK.matcher(mail.text());
        assertThat(matcher.find()).as(mail.text()).isTrue();
        return matcher.group(1);
    }

    /** The first mail to {@code email} in the mail catcher, waiting up to {@code patience} for it. */
    CapturedMail awaitMailTo(String email, Duration patience) {
        return awaitMail(m -> m.to().contains(email), patience);
    }

    /** The first mail in the mail catcher that is {@code wanted}, waiting up to {@code patience} for it. */
    CapturedMail awaitMail(Predicate<CapturedMail> wanted, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            Optional<CapturedMail> mail =
                    system.stack.mail().messages().stream().filter(wanted).findFirst();
            if (mail.isPresent()) {
                return mail.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the awaited mail did not reach the mail catcher within " + patience);
    }

    /**
     * axe-core and the Tab key on the current page, recorded in {@code target/accessibility.md} as {@code page}: no
     * serious or critical violation, and every visible control receives focus.
     */
    void assertAccessible(String page) {
        Accessibility.Result result = Accessibility.check(browser, page);
        assertThat(result.violations())
                .as("serious or critical axe-core violations on " + page)
                .isEmpty();
        assertThat(result.unreachable())
                .as("controls on " + page + " that Tab never reaches")
                .isEmpty();
    }

    /** The current page as {@code target/<name>-<shot>.png}. */
    void screenshot(String shot) {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Path target = Path.of("target", screenshotPrefix + "-" + shot + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
