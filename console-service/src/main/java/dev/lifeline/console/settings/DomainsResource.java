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

/** The Settings page's sending domains: add one, then verify its DNS record. */
@Path("/settings/domains")
@Produces(MediaType.TEXT_HTML)
public class DomainsResource {

    private final SettingsPage page;
    private final SignedInBusiness owners;
    private final SettingsClient client;
    private final CsrfToken csrf;

    public DomainsResource(SettingsPage page, SignedInBusiness owners, SettingsClient client, CsrfToken csrf) {
        this.page = page;
        this.owners = owners;
        this.client = client;
        this.csrf = csrf;
    }

    @POST
    public Response addDomain(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String domain) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Roles.requireOwner(owner.get().user());
        String name = SettingsPage.nz(domain).strip().toLowerCase();
        if (name.isEmpty()) {
            return page.render(
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
                : page.render(
                        400,
                        owner.get(),
                        SettingsPage.fields(answer.problems(), "domain"),
                        Map.of("domain", name),
                        null,
                        null);
    }

    @POST
    @Path("{id}/verify")
    public Response verifyDomain(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Roles.requireOwner(owner.get().user());
        if (!SettingsPage.isUuid(id)) {
            return Html.to("/settings");
        }
        Answer<SettingsClient.Domain> answer = client.verifyDomain(owner.get().key(), id);
        return answer.ok()
                ? Html.to("/settings?saved=verified")
                : page.render(
                        422,
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
