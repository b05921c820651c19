package dev.lifeline.contact.tenant;

import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/v1/tenant/keys}; without a body (or a scope) the key is a standard key. */
public record KeyRequest(
        @Pattern(regexp = "admin|standard", message = "admin or standard")
        String scope) {

    String scopeOrDefault() {
        return scope == null ? ApiKey.STANDARD : scope;
    }
}
