package dev.lifeline.contact.optin;

import jakarta.validation.constraints.Size;

/**
 * What the hosted form and the embed snippet post. {@code website} is the honeypot: hidden from people, filled in
 * by bots.
 */
public record CaptureInput(
        @Size(max = 200) String name,
        @Size(max = 320) String email,
        @Size(max = 40) String phone,
        Boolean emailConsent,
        Boolean smsConsent,
        @Size(max = 35) String locale,
        @Size(max = 500) String website) {}
