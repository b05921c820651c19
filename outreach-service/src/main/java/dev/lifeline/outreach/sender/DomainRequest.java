package dev.lifeline.outreach.sender;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/tenant/sending-domains; the name is checked by {@link DomainNames}. */
public record DomainRequest(@NotBlank @Size(max = 253) String domain) {}
