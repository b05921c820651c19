package dev.lifeline.console.settings;

import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.team.Roles;
import dev.lifeline.console.web.CsrfToken;
import dev.lifeline.console.web.Html;
import dev.lifeline.console.web.SignedInBusiness;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.Optional;

/** The Settings page's API keys: create one (its secret shown once) and revoke one. */
@Path("/settings/keys")
@Produces(MediaType.TEXT_HTML)
public class ApiKeysResource {

    private final SettingsPage page;
    private final SignedInBusiness owners;
    private final SettingsClient client;
    private final CsrfToken csrf;

    public ApiKeysResource(SettingsPage page, SignedInBusiness owners, SettingsClient client, CsrfToken csrf) {
        this.page = page;
        this.owners = owners;
        this.client = client;
        this.csrf = csrf;
    }

    @POST
    public Response createKey(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String scope) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Roles.requireOwner(owner.get().user());
        if (!"standard".equals(scope) && !"admin".equals(scope)) {
            return page.render(400, owner.get(), Map.of("scope", "Choose what the key may do."), Map.of(), null, null);
        }
        Answer<SettingsClient.ApiKey> answer = client.createKey(owner.get().key(), scope);
        if (!answer.ok()) {
            return page.render(400, owner.get(), SettingsPage.fields(answer.problems(), "scope"), Map.of(), null, null);
        }
        // Shown on this answer only, never redirected to: the secret must not sit in a URL or in history.
        return page.render(
                201,
                owner.get(),
                Map.of(),
                Map.of(),
                "Key created. Copy it now: it is not shown again.",
                answer.value());
    }

    @POST
    @Path("{id}/revoke")
    public Response revokeKey(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Roles.requireOwner(owner.get().user());
        String mine =
                owner.get().key().substring(0, Math.min(8, owner.get().key().length()));
        boolean consoles = client.keys(owner.get().key()).stream()
                .anyMatch(k -> k.id().equals(id) && k.prefix().equals(mine));
        if (consoles) {
            return page.render(
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
                : page.render(
                        409,
                        owner.get(),
                        Map.of(id, String.join(" ", answer.problems().values())),
                        Map.of(),
                        null,
                        null);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        return page.unavailable(e);
    }

    @ServerExceptionMapper
    public Response refused(IllegalStateException e) {
        return page.unavailable(e);
    }
}
