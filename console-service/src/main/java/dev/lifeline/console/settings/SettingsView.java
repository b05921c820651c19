package dev.lifeline.console.settings;

import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;

import java.util.List;
import java.util.Map;

/**
 * What the Settings page shows; a part is null when its service did not answer. {@code errors} are keyed by the
 * form's field names; {@code newKey} is a key's secret, shown on this one answer only.
 */
public record SettingsView(
        String timeZone,
        OutreachClient.Sender sender,
        List<SettingsClient.Domain> domains,
        List<MonitorClient.Platform> catalogue,
        List<String> dependencies,
        List<SettingsClient.ApiKey> keys,
        String consoleKeyPrefix,
        Map<String, String> errors,
        Map<String, String> entered,
        String notice,
        SettingsClient.ApiKey newKey) {

    /** The choices the time zone field offers as the owner types. */
    public List<String> zones() {
        return TimeZones.all();
    }

    public String value(String field, String saved) {
        return entered.containsKey(field) ? entered.get(field) : saved == null ? "" : saved;
    }
}
