package dev.lifeline.console.settings;

import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.team.Roles;
import dev.lifeline.console.web.CsrfToken;
import dev.lifeline.console.web.Html;
import dev.lifeline.console.web.SignedInBusiness;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Settings page and its sender and platform sections; domains and keys have resources of their own. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    private static final Map<String, String> NOTICES = Map.of(
            "sender", "Sender saved.",
            "domain", "Domain added: publish its DNS record, then verify it.",
            "verified", "Domain verified: your mail is signed with it from now on.",
            "dependencies", "Platforms saved.",
            "timezone", "Time zone saved.",
            "revoked", "Key revoked: it stops working at once.");

    private final SettingsPage page;
    private final SignedInBusiness owners;
    private final OutreachClient outreach;
    private final MonitorClient monitor;
    private final CsrfToken csrf;

    public SettingsResource(
            SettingsPage page,
            SignedInBusiness owners,
            OutreachClient outreach,
            MonitorClient monitor,
            CsrfToken csrf) {
        this.page = page;
        this.owners = owners;
        this.outreach = outreach;
        this.monitor = monitor;
        this.csrf = csrf;
    }

    @GET
    public Response page(@RestCookie("lifeline_session") String session, @RestQuery String saved) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Roles.requireOwner(owner.get().user());
        return page.render(200, owner.get(), Map.of(), Map.of(), NOTICES.get(saved == null ? "" : saved), null);
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
        Roles.requireOwner(owner.get().user());
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("displayName", SettingsPage.nz(displayName));
        entered.put("fromAddress", SettingsPage.nz(fromAddress));
        entered.put("replyTo", SettingsPage.nz(replyTo));
        Map<String, Object> body = new LinkedHashMap<>();
        entered.forEach((field, value) -> body.put(field, value.isBlank() ? null : value.strip()));
        Answer<OutreachClient.Sender> answer =
                outreach.replaceSender(owner.get().key(), body);
        return answer.ok()
                ? Html.to("/settings?saved=sender")
                : page.render(
                        400, owner.get(), SettingsPage.fields(answer.problems(), "displayName"), entered, null, null);
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
        Roles.requireOwner(owner.get().user());
        List<String> ids = platformIds == null
                ? List.of()
                : platformIds.stream().distinct().limit(100).toList();
        Answer<List<String>> answer = monitor.replaceDependencies(owner.get().key(), ids);
        return answer.ok()
                ? Html.to("/settings?saved=dependencies")
                : page.render(
                        400, owner.get(), SettingsPage.fields(answer.problems(), "platformIds"), Map.of(), null, null);
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
