package dev.lifeline.console.settings;

import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.web.Html;
import dev.lifeline.console.web.SignedInBusiness;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Settings page as every section's resource answers it: all sections read afresh, with one section's errors or
 * notice, so a refused form shows next to the field and the rest of the page stays as it is.
 */
@ApplicationScoped
public class SettingsPage {

    private static final Logger LOG = Logger.getLogger(SettingsPage.class);

    private final Template settings;
    private final Template error;
    private final OutreachClient outreach;
    private final MonitorClient monitor;
    private final SettingsClient client;

    public SettingsPage(
            Template settings, Template error, OutreachClient outreach, MonitorClient monitor, SettingsClient client) {
        this.settings = settings;
        this.error = error;
        this.outreach = outreach;
        this.monitor = monitor;
        this.client = client;
    }

    Response render(
            int status,
            SignedInBusiness.Owner owner,
            Map<String, String> errors,
            Map<String, String> entered,
            String notice,
            SettingsClient.ApiKey newKey) {
        String key = owner.key();
        SettingsView view = new SettingsView(
                part(() -> client.timeZone(key)),
                part(() -> outreach.sender(key)),
                part(() -> client.domains(key)),
                part(monitor::catalogue),
                part(() -> monitor.dependencies(key)),
                part(() -> client.keys(key)),
                key.substring(0, Math.min(8, key.length())),
                errors,
                entered,
                notice,
                newKey);
        return Html.status(status, settings.data("owner", owner).data("view", view));
    }

    /** The services' field names are the form's; a message naming no field goes to the form's main one. */
    static Map<String, String> fields(Map<String, String> problems, String main) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, message) -> errors.merge(
                field.isEmpty() || field.equals("body") ? main : field.replaceAll("\\[\\d+]$", ""),
                message.isEmpty() ? "Is not valid." : Character.toUpperCase(message.charAt(0)) + message.substring(1),
                (a, b) -> a + " " + b));
        return errors;
    }

    private static <T> T part(Supplier<T> read) {
        try {
            return read.get();
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Settings part not available: %s", e.getMessage());
            return null;
        }
    }

    /** A service did not answer: a page that says so, never a stack trace. */
    Response unavailable(RuntimeException e) {
        LOG.warnf("Settings page without a service: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Settings");
    }

    static boolean isUuid(String s) {
        try {
            return s != null && s.length() == 36 && UUID.fromString(s) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
