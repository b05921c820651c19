package dev.lifeline.console.settings;

import dev.lifeline.console.campaigns.Html;
import dev.lifeline.console.campaigns.SignedInBusiness;
import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.web.CsrfToken;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The Settings page: the business as e-mail sender, its sending domains, its platforms, and its API keys. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    private static final Logger LOG = Logger.getLogger(SettingsResource.class);
    private static final Map<String, String> NOTICES = Map.of(
            "sender", "Sender saved.",
            "domain", "Domain added: publish its DNS record, then verify it.",
            "verified", "Domain verified: your mail is signed with it from now on.",
            "dependencies", "Platforms saved.",
            "revoked", "Key revoked: it stops working at once.");

    private final Template settings;
    private final Template error;
    private final SignedInBusiness owners;
    private final OutreachClient outreach;
    private final MonitorClient monitor;
    private final SettingsClient client;
    private final CsrfToken csrf;

    public SettingsResource(
            Template settings,
            Template error,
            SignedInBusiness owners,
            OutreachClient outreach,
            MonitorClient monitor,
            SettingsClient client,
            CsrfToken csrf) {
        this.settings = settings;
        this.error = error;
        this.owners = owners;
        this.outreach = outreach;
        this.monitor = monitor;
        this.client = client;
        this.csrf = csrf;
    }

    @GET
    public Response page(@RestCookie("lifeline_session") String session, @RestQuery String saved) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        return render(200, owner.get(), Map.of(), Map.of(), NOTICES.get(saved == null ? "" : saved), null);
    }

    @POST
    @Path("sender")
    public Response sender(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String displayName,
            @RestForm String fromAddress,
            @RestForm String replyTo) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("displayName", nz(displayName));
        entered.put("fromAddress", nz(fromAddress));
        entered.put("replyTo", nz(replyTo));
        Map<String, Object> body = new LinkedHashMap<>();
        entered.forEach((field, value) -> body.put(field, value.isBlank() ? null : value.strip()));
        Answer<OutreachClient.Sender> answer =
                outreach.replaceSender(owner.get().key(), body);
        return answer.ok()
                ? Html.to("/settings?saved=sender")
                : render(400, owner.get(), fields(answer.problems(), "displayName"), entered, null, null);
    }

    @POST
    @Path("domains")
    public Response addDomain(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String domain) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        String name = nz(domain).strip().toLowerCase();
        if (name.isEmpty()) {
            return render(
                    400,
                    owner.get(),
                    Map.of("domain", "Enter your domain, e.g. myshop.example."),
                    Map.of("domain", name),
                    null,
                    null);
        }
        Answer<SettingsClient.Domain> answer = client.addDomain(owner.get().key(), name);
        return answer.ok()
                ? Html.to("/settings?saved=domain")
                : render(400, owner.get(), fields(answer.problems(), "domain"), Map.of("domain", name), null, null);
    }

    @POST
    @Path("domains/{id}/verify")
    public Response verifyDomain(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        if (!isUuid(id)) {
            return Html.to("/settings");
        }
        Answer<SettingsClient.Domain> answer = client.verifyDomain(owner.get().key(), id);
        return answer.ok()
                ? Html.to("/settings?saved=verified")
                : render(
                        422,
                        owner.get(),
                        Map.of(id, String.join(" ", answer.problems().values())),
                        Map.of(),
                        null,
                        null);
    }

    @POST
    @Path("dependencies")
    public Response dependencies(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm List<String> platformIds) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        List<String> ids = platformIds == null
                ? List.of()
                : platformIds.stream().distinct().limit(100).toList();
        Answer<List<String>> answer = monitor.replaceDependencies(owner.get().key(), ids);
        return answer.ok()
                ? Html.to("/settings?saved=dependencies")
                : render(400, owner.get(), fields(answer.problems(), "platformIds"), Map.of(), null, null);
    }

    @POST
    @Path("keys")
    public Response createKey(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String scope) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        if (!"standard".equals(scope) && !"admin".equals(scope)) {
            return render(400, owner.get(), Map.of("scope", "Choose what the key may do."), Map.of(), null, null);
        }
        Answer<SettingsClient.ApiKey> answer = client.createKey(owner.get().key(), scope);
        if (!answer.ok()) {
            return render(400, owner.get(), fields(answer.problems(), "scope"), Map.of(), null, null);
        }
        // Shown on this answer only, never redirected to: the secret must not sit in a URL or in history.
        return render(
                201,
                owner.get(),
                Map.of(),
                Map.of(),
                "Key created. Copy it now: it is not shown again.",
                answer.value());
    }

    @POST
    @Path("keys/{id}/revoke")
    public Response revokeKey(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        String mine =
                owner.get().key().substring(0, Math.min(8, owner.get().key().length()));
        boolean consoles = client.keys(owner.get().key()).stream()
                .anyMatch(k -> k.id().equals(id) && k.prefix().equals(mine));
        if (consoles) {
            return render(
                    409,
                    owner.get(),
                    Map.of(id, "This is the key the console works with; it cannot be revoked here."),
                    Map.of(),
                    null,
                    null);
        }
        Answer<SettingsClient.ApiKey> answer = client.revokeKey(owner.get().key(), id);
        return answer.ok()
                ? Html.to("/settings?saved=revoked")
                : render(
                        409,
                        owner.get(),
                        Map.of(id, String.join(" ", answer.problems().values())),
                        Map.of(),
                        null,
                        null);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        LOG.warnf("Settings page without a service: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Settings");
    }

    @ServerExceptionMapper
    public Response refused(IllegalStateException e) {
        LOG.warnf("Settings page: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Settings");
    }

    private Response render(
            int status,
            SignedInBusiness.Owner owner,
            Map<String, String> errors,
            Map<String, String> entered,
            String notice,
            SettingsClient.ApiKey newKey) {
        String key = owner.key();
        SettingsView view = new SettingsView(
                part(() -> outreach.sender(key)),
                part(() -> client.domains(key)),
                part(monitor::catalogue),
                part(() -> monitor.dependencies(key)),
                part(() -> client.keys(key)),
                key.substring(0, Math.min(8, key.length())),
                errors,
                entered,
                notice,
                newKey);
        return Html.status(status, settings.data("owner", owner).data("view", view));
    }

    /** The services' field names are the form's; a message naming no field goes to the form's main one. */
    private static Map<String, String> fields(Map<String, String> problems, String main) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, message) -> errors.merge(
                field.isEmpty() || field.equals("body") ? main : field.replaceAll("\\[\\d+]$", ""),
                message.isEmpty() ? "Is not valid." : Character.toUpperCase(message.charAt(0)) + message.substring(1),
                (a, b) -> a + " " + b));
        return errors;
    }

    private static <T> T part(Supplier<T> read) {
        try {
            return read.get();
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Settings part not available: %s", e.getMessage());
            return null;
        }
    }

    private static boolean isUuid(String s) {
        try {
            return s != null && s.length() == 36 && UUID.fromString(s) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
