package dev.lifeline.contact.subjectaccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.contact.config.ContactConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Asks outreach-service over HTTP, with the caller's own tenant key, what it holds about a contact. The services
 * share no code and no database: outreach's REST answer is the contract, embedded as it comes.
 */
@ApplicationScoped
public class OutreachClient {

    private static final Logger LOG = Logger.getLogger(OutreachClient.class);

    private final OutreachLink link;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public OutreachClient(ContactConfig config, ObjectMapper json) {
        this(new OutreachLink(config.outreachUrl(), config.outreachTimeout()), json);
    }

    OutreachClient(OutreachLink link, ObjectMapper json) {
        this.link = link;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(link.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @param credential the request's own {@code Authorization} or {@code X-Api-Key} header, name and value */
    public OutreachSection dataOf(UUID contactId, Credential credential) {
        URI uri = URI.create(link.url().toString().replaceAll("/+$", "") + "/api/v1/contacts/" + contactId + "/data");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(link.timeout())
                .header("Accept", "application/json")
                .header(credential.header(), credential.value())
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> OutreachSection.held(json.readTree(response.body()));
                case 404 -> OutreachSection.nothingHeld();
                case 401, 403 ->
                    OutreachSection.unavailable(
                            "outreach-service did not accept the key (yet): it learns keys from tenants.v1; ask again shortly");
                default -> OutreachSection.unavailable("outreach-service answered HTTP " + response.statusCode());
            };
        } catch (IOException e) {
            LOG.warnf(
                    "Subject access: outreach-service unreachable (%s)",
                    e.getClass().getSimpleName());
            return OutreachSection.unavailable(
                    "outreach-service could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OutreachSection.unavailable("interrupted while asking outreach-service");
        }
    }

    public record Credential(String header, String value) {}
}
