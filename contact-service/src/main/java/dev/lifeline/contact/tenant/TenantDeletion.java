package dev.lifeline.contact.tenant;

import jakarta.validation.constraints.NotNull;

/** Body of {@code DELETE /api/v1/tenant}: the tenant's slug, typed again, so that no stray call deletes a business. */
public record TenantDeletion(@NotNull String confirm) {}
