package dev.lifeline.outreach.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The approved WhatsApp message template a WhatsApp campaign sends. Meta allows business-initiated messages only as
 * templates it approved beforehand, so the text itself lives at Meta: the campaign names the template and gives its
 * body parameters ({{1}}, {{2}}, … in order), each a Qute template over the same placeholders as the other channels.
 */
public record WhatsAppTemplate(
        @NotBlank
        @Size(max = 512)
        @Pattern(
                regexp = "[a-z0-9_]+",
                message = "must be a template name as Meta stores it: lower-case letters, digits and underscores")
        String name,

        @NotBlank
        @Pattern(
                regexp = "[a-z]{2,3}(_[A-Za-z0-9]{2,4})?",
                message = "must be a WhatsApp language code such as en, en_US or pt_BR")
        String language,

        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 1024) String> bodyParameters) {}
