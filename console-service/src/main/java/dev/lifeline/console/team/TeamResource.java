package dev.lifeline.console.team;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.session.Sessions;
import dev.lifeline.console.signup.SignupForm;
import dev.lifeline.console.web.CsrfToken;
import dev.lifeline.console.web.Html;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Settings → Team, the owners' page: members and their roles, invitations. Staff get the 403 page everywhere here. */
@Path("/settings/team")
@Produces(MediaType.TEXT_HTML)
public class TeamResource {

    private static final Map<String, String> NOTICES = Map.of(
            "invited", "Invitation sent. The link in it works once.",
            "revoked", "Invitation revoked: its link no longer works.",
            "role", "Role changed. It counts from their next click.",
            "removed", "Member removed and signed out everywhere.");

    /** The errors key of a message that belongs to no row or field of the page. */
    private static final String GENERAL = "general";

    private final Template team;
    private final Team members;
    private final TeamMails mails;
    private final Sessions sessions;
    private final CsrfToken csrf;

    public TeamResource(Template team, Team members, TeamMails mails, Sessions sessions, CsrfToken csrf) {
        this.team = team;
        this.members = members;
        this.mails = mails;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    @GET
    public Response page(@RestCookie(Sessions.COOKIE) String session, @RestQuery String saved) {
        return asOwner(
                session, owner -> render(200, owner, Map.of(), Map.of(), NOTICES.get(saved == null ? "" : saved)));
    }

    @POST
    @Path("invitations")
    public Response invite(
            @RestCookie(Sessions.COOKIE) String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String email,
            @RestForm String role) {
        csrf.verify(token);
        return asOwner(session, owner -> {
            String address = SignupForm.normaliseEmail(email);
            Map<String, String> entered = Map.of("email", address, "role", role == null ? "" : role);
            Map<String, String> errors = new LinkedHashMap<>();
            SignupForm.emailProblem(address).ifPresent(message -> errors.put("email", message));
            Optional<Role> chosen = Role.parse(role);
            if (chosen.isEmpty()) {
                errors.put("role", "Choose owner or staff.");
            }
            if (!errors.isEmpty()) {
                return render(400, owner, errors, entered, null);
            }
            Team.Invited invited = members.invite(owner, address, chosen.get());
            if (invited instanceof Team.Invited.Refused refused) {
                return render(409, owner, Map.of(refused.field(), refused.message()), entered, null);
            }
            Team.Invited.Sent sent = (Team.Invited.Sent) invited;
            // Mailed after the invitation committed: no transaction waits on the SMTP server.
            if (!mails.invitation(address, sent.businessName(), chosen.get(), sent.token())) {
                return render(
                        503,
                        owner,
                        Map.of("email", "The invitation mail could not be sent just now. Invite again in a moment."),
                        entered,
                        null);
            }
            return Html.to("/settings/team?saved=invited");
        });
    }

    @POST
    @Path("invitations/{id}/revoke")
    public Response revoke(
            @RestCookie(Sessions.COOKIE) String session, @RestPath String id, @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        return asOwner(session, owner -> {
            Optional<UUID> invitation = uuid(id);
            if (invitation.isEmpty() || !members.revoke(owner, invitation.get())) {
                return render(404, owner, Map.of(GENERAL, "There is no such invitation."), Map.of(), null);
            }
            return Html.to("/settings/team?saved=revoked");
        });
    }

    @POST
    @Path("members/{id}/role")
    public Response changeRole(
            @RestCookie(Sessions.COOKIE) String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String role) {
        csrf.verify(token);
        return asOwner(session, owner -> {
            Optional<Role> chosen = Role.parse(role);
            if (chosen.isEmpty()) {
                return render(400, owner, Map.of(id, "Choose owner or staff."), Map.of(), null);
            }
            Optional<String> refusal = uuid(id).map(member -> members.changeRole(owner, member, chosen.get()))
                    .orElse(Optional.of(Team.NO_SUCH_MEMBER));
            return refusal.isPresent() ? refused(owner, id, refusal.get()) : Html.to("/settings/team?saved=role");
        });
    }

    @POST
    @Path("members/{id}/remove")
    public Response remove(
            @RestCookie(Sessions.COOKIE) String session, @RestPath String id, @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        return asOwner(session, owner -> {
            Optional<String> refusal =
                    uuid(id).map(member -> members.remove(owner, member)).orElse(Optional.of(Team.NO_SUCH_MEMBER));
            if (refusal.isPresent()) {
                return refused(owner, id, refusal.get());
            }
            // An owner who removed themselves has no session left: the next page is the sign-in.
            return Html.to("/settings/team?saved=removed");
        });
    }

    /** An unknown member is not on the page, so its message goes above the list; others next to the member. */
    private Response refused(ConsoleUser owner, String id, String refusal) {
        return Team.NO_SUCH_MEMBER.equals(refusal)
                ? render(404, owner, Map.of(GENERAL, refusal), Map.of(), null)
                : render(409, owner, Map.of(id, refusal), Map.of(), null);
    }

    private Response asOwner(String session, Function<ConsoleUser, Response> action) {
        Optional<ConsoleUser> user = sessions.user(session);
        if (user.isEmpty()) {
            return Html.signIn();
        }
        Roles.requireOwner(user.get());
        return action.apply(user.get());
    }

    private Response render(
            int status, ConsoleUser owner, Map<String, String> errors, Map<String, String> entered, String notice) {
        return Html.status(status, team.data("me", owner).data("view", members.page(owner, errors, entered, notice)));
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return id != null && id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
