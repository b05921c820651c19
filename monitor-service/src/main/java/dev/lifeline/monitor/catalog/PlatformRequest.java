package dev.lifeline.monitor.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tenant's own platform, e.g. its web shop: id {@code custom-<name>}. {@code maintenanceIsOutage} (default false):
 * whether planned maintenance announced by its status page counts as an outage.
 */
public record PlatformRequest(
        @NotBlank @Pattern(regexp = "custom-[a-z0-9][a-z0-9-]{0,48}", message = "must look like custom-my-shop")
        String id,

        @NotBlank @Size(max = 200) String name,
        Boolean maintenanceIsOutage) {}
