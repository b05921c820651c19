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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.Optional;

/** The Settings page's time zone: kept by contact-service with the business's other settings. */
@Path("/settings/timezone")
@Produces(MediaType.TEXT_HTML)
public class TimeZoneResource {

    private final SettingsPage page;
    private final SignedInBusiness owners;
    private final SettingsClient client;
    private final CsrfToken csrf;

    public TimeZoneResource(SettingsPage page, SignedInBusiness owners, SettingsClient client, CsrfToken csrf) {
        this.page = page;
        this.owners = owners;
        this.client = client;
        this.csrf = csrf;
    }

    @POST
    public Response change(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String timeZone) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Roles.requireOwner(owner.get().user());
        String zone = SettingsPage.nz(timeZone).strip();
        Map<String, String> entered = Map.of("timeZone", zone);
        Optional<String> problem = TimeZones.problem(zone);
        if (problem.isPresent()) {
            return page.render(400, owner.get(), Map.of("timeZone", problem.get()), entered, null, null);
        }
        Answer<String> answer = client.changeTimeZone(owner.get().key(), zone);
        return answer.ok()
                ? Html.to("/settings?saved=timezone")
                : page.render(
                        400, owner.get(), SettingsPage.fields(answer.problems(), "timeZone"), entered, null, null);
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
