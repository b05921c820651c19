package dev.lifeline.monitor.outage;

import dev.lifeline.events.outage.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** A person says a platform is down. Severity defaults to major. */
public record DeclareOutageRequest(
        @NotBlank @Size(max = 200) String declaredBy,
        @NotBlank @Size(max = 2000) String reason,

        @Pattern(regexp = "minor|major|critical", message = "must be one of minor, major, critical")
        String severity) {

    public Severity severityOrDefault() {
        return severity == null ? Severity.MAJOR : Severity.valueOf(severity.toUpperCase(Locale.ROOT));
    }
}
