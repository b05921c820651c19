package dev.lifeline.monitor.outage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person says the platform is back. */
public record ResolveOutageRequest(
        @NotBlank @Size(max = 200) String resolvedBy) {}
