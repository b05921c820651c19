package dev.lifeline.system;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accessibility checks of the page open in a browser: axe-core's serious and critical violations, and whether the
 * keyboard reaches every visible control. Each checked page's counts go into {@code target/accessibility.md}, one
 * row a page, so a run's results can be quoted.
 */
final class Accessibility {

    /** The WebJar's copy of axe-core (org.webjars.npm:axe-core, the version in this module's pom). */
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private static final Path REPORT = Path.of("target", "accessibility.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One axe rule a page breaks: its id, impact and the CSS selectors of the elements that break it. */
    record Violation(String id, String impact, String help, List<String> targets) {}

    /** What one page came to: {@code controls} is how many visible controls the keyboard check looked for. */
    record Result(List<Violation> violations, long controls, List<String> unreachable) {
        boolean clean() {
            return violations.isEmpty() && unreachable.isEmpty();
        }
    }

    private Accessibility() {}

    /** Runs both checks on the current page and records its row under {@code page}. */
    static Result check(WebDriver browser, String page) {
        List<Violation> violations = seriousOrCritical(browser);
        long controls = markControls(browser);
        Result result = new Result(violations, controls, unreachableByKeyboard(browser, controls));
        record(page, result);
        return result;
    }

    /**
     * axe-core's serious and critical violations of the current page. Frames are left out: the only one in the
     * console is the preview of contact-service's hosted form, another origin that axe cannot enter.
     */
    static List<Violation> seriousOrCritical(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        Object answer = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {iframes: false, resultTypes: ['violations']}).then(function (r) {"
                + "  done(JSON.stringify(r.violations"
                + "    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return {id: v.id, impact: v.impact, help: v.help,"
                + "      targets: v.nodes.map(function (n) { return n.target.join(' '); })}; })));"
                + "}).catch(function (e) { done('error: ' + e); });");
        String json = String.valueOf(answer);
        if (json.startsWith("error: ")) {
            throw new IllegalStateException("axe-core failed on " + browser.getCurrentUrl() + ": " + json);
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Violation>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tabs through the page from its start and answers the visible controls (links, buttons, inputs, selects,
     * text areas) that never received focus, described by tag, id or name and text.
     */
    static List<String> unreachableByKeyboard(WebDriver browser) {
        return unreachableByKeyboard(browser, markControls(browser));
    }

    /** Marks the page's visible, enabled controls with their index and answers how many there are. */
    private static long markControls(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        return (Long) js.executeScript(
                "var all = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea');"
                        + "var n = 0;"
                        + "all.forEach(function (e) {"
                        + "  e.removeAttribute('data-a11y-control');"
                        + "  var visible = e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';"
                        + "  if (visible && !e.disabled) {"
                        + "    e.setAttribute('data-a11y-control', String(n++));"
                        + "  }"
                        + "});"
                        + "if (document.activeElement) { document.activeElement.blur(); }"
                        + "window.scrollTo(0, 0);"
                        + "return n;");
    }

    private static List<String> unreachableByKeyboard(WebDriver browser, long count) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Set<Long> reached = new LinkedHashSet<>();
        // A frame's own controls take stops too (the preview of the hosted form): room for them, then give up.
        long presses = count * 2 + 40;
        for (long i = 0; i < presses && reached.size() < count; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            Object focused = js.executeScript(
                    "var e = document.activeElement;"
                            + "return e && e.hasAttribute('data-a11y-control') ? Number(e.getAttribute('data-a11y-control')) : null;");
            if (focused != null) {
                reached.add(((Number) focused).longValue());
            }
        }
        @SuppressWarnings("unchecked")
        List<String> described = (List<String>) js.executeScript(
                "return Array.from(document.querySelectorAll('[data-a11y-control]')).map(function (e) {"
                        + "  return e.getAttribute('data-a11y-control') + ' ' + e.tagName.toLowerCase()"
                        + "    + (e.id ? '#' + e.id : e.name ? '[name=' + e.name + ']' : '')"
                        + "    + ' \"' + (e.innerText || e.value || '').trim().slice(0, 40) + '\"'; });");
        List<String> unreachable = new ArrayList<>();
        for (String control : described) {
            long index = Long.parseLong(control.substring(0, control.indexOf(' ')));
            if (!reached.contains(index)) {
                unreachable.add(control.substring(control.indexOf(' ') + 1));
            }
        }
        return unreachable;
    }

    private static String axeSource() {
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test class path (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the report with this page's row; rows of pages other tests checked stay. */
    private static synchronized void record(String page, Result result) {
        Map<String, String> rows = new TreeMap<>();
        try {
            if (Files.exists(REPORT)) {
                for (String line : Files.readAllLines(REPORT)) {
                    if (line.startsWith("| ") && !line.startsWith("| page ")) {
                        rows.put(line.substring(2, line.indexOf(" |", 2)), line);
                    }
                }
            }
            long serious = result.violations().stream()
                    .filter(v -> v.impact().equals("serious"))
                    .count();
            long critical = result.violations().size() - serious;
            String rules = String.join(
                    ", ", result.violations().stream().map(Violation::id).toList());
            String row = "| " + page + " | " + critical + " | " + serious + " | " + result.controls() + " | "
                    + result.unreachable().size() + " | " + (rules.isEmpty() ? "" : rules + " ") + "|";
            rows.put(page, row);
            StringBuilder table = new StringBuilder(
                    "| page | critical | serious | controls | not reached by Tab | rules |\n|---|---|---|---|---|---|\n");
            rows.values().forEach(line -> table.append(line).append('\n'));
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, table.toString());
            System.out.println("Accessibility of " + page + ": " + row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
