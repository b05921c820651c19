package dev.lifeline.console.signupform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.console.config.ConsoleConfig;
import dev.lifeline.console.contacts.ProblemFields;
import dev.lifeline.console.services.ServiceHttp;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * contact-service's {@code /api/v1/tenant} as the Sign-up form page needs it: the business's form address, consent
 * texts and allowed websites, read and changed with the business's admin key (the one the console holds).
 */
@ApplicationScoped
public class SignupFormClient {

    /** The business's form as contact-service holds it. */
    public record FormSettings(String slug, String emailText, String smsText, int version, List<String> websites) {}

    /** contact-service's JSON names → the page's field names; whatever else it names goes above the form. */
    private static final Map<String, String> FIELDS =
            Map.of("email", "emailText", "sms", "smsText", "corsOrigins", "websites");

    private final ServiceHttp http;
    private final ConsoleConfig config;

    public SignupFormClient(ServiceHttp http, ConsoleConfig config) {
        this.http = http;
        this.config = config;
    }

    public FormSettings settings(String key) {
        ServiceHttp.Reply reply = http.get(tenantUrl(), auth(key));
        if (!reply.ok()) {
            throw new IllegalStateException("contact-service answered HTTP " + reply.status());
        }
        return settings(reply.body());
    }

    /** Saves texts and websites; the refusal as messages per page field, empty when saved. */
    public Map<String, String> change(String key, SignupFormInput input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consentTexts", Map.of("email", input.emailText(), "sms", input.smsText()));
        body.put("corsOrigins", input.websiteList());
        ServiceHttp.Reply reply = http.patch(tenantUrl(), auth(key), body);
        if (reply.ok()) {
            return Map.of();
        }
        if (reply.status() >= 500 || reply.status() == 401 || reply.status() == 403) {
            throw new IllegalStateException("contact-service answered HTTP " + reply.status());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ProblemFields.toForm(reply.body(), FIELDS.keySet())
                .forEach((field, message) -> errors.put(FIELDS.getOrDefault(field, ProblemFields.FORM), message));
        return errors;
    }

    /** The address customers' browsers reach contact-service at: the hosted form and the snippet live there. */
    public String publicUrl() {
        return config.services().contactPublicUrl().orElse(config.services().contactUrl());
    }

    static FormSettings settings(JsonNode tenant) {
        List<String> websites = new ArrayList<>();
        tenant.path("corsOrigins").forEach(origin -> websites.add(origin.asText()));
        JsonNode texts = tenant.path("consentTexts");
        return new FormSettings(
                tenant.path("slug").asText(),
                texts.path("email").asText(""),
                texts.path("sms").asText(""),
                tenant.path("consentVersion").asInt(),
                websites);
    }

    private String tenantUrl() {
        return config.services().contactUrl() + "/api/v1/tenant";
    }

    private static Map<String, String> auth(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }
}
