package dev.lifeline.contact.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** An API key's public face; {@code apiKey} (the secret) only in the answer that issued it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResponse(
        String id, String tenantId, String prefix, String scope, Instant createdAt, Instant revokedAt, String apiKey) {

    static ApiKeyResponse of(ApiKey k, String secret) {
        return new ApiKeyResponse(
                k.id.toString(), k.tenantId.toString(), k.keyPrefix, k.scope, k.createdAt, k.revokedAt, secret);
    }
}
