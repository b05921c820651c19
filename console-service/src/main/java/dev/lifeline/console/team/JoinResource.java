package dev.lifeline.console.team;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.account.PasswordHasher;
import dev.lifeline.console.session.Sessions;
import dev.lifeline.console.signup.SignupForm;
import dev.lifeline.console.web.Cookies;
import dev.lifeline.console.web.CsrfToken;
import dev.lifeline.console.web.Html;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * An invitation's link: a page where the invitee chooses a password (the GET changes nothing, so a mail scanner that
 * opens the link uses nothing up), then joins and is signed in. Unknown, revoked, used or expired → 404 page.
 */
@Path("/team/join")
@Produces(MediaType.TEXT_HTML)
public class JoinResource {

    private final Template teamJoin;
    private final Team team;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final CsrfToken csrf;

    public JoinResource(Template teamJoin, Team team, PasswordHasher hasher, Sessions sessions, CsrfToken csrf) {
        this.teamJoin = teamJoin;
        this.team = team;
        this.hasher = hasher;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    @GET
    public Response page(@RestQuery String token) {
        return render(token, Map.of());
    }

    @POST
    public Response join(
            @RestForm String token, @RestForm String password, @RestForm(CsrfToken.FIELD) String csrfField) {
        csrf.verify(csrfField);
        Optional<String> problem = SignupForm.passwordProblem(password);
        if (problem.isPresent()) {
            return render(token, Map.of("password", problem.get()), 400);
        }
        // Hashed before the transaction: bcrypt takes a while and must not hold the invitation's lock.
        Optional<ConsoleUser> member = team.accept(token, hasher.hash(password));
        if (member.isEmpty()) {
            return render(token, Map.of());
        }
        return Response.seeOther(URI.create("/dashboard"))
                .header(
                        HttpHeaders.SET_COOKIE,
                        Cookies.header(Sessions.COOKIE, sessions.start(member.get()), sessions.cookieMaxAgeSeconds()))
                .build();
    }

    private Response render(String token, Map<String, String> errors) {
        return render(token, errors, 200);
    }

    private Response render(String token, Map<String, String> errors, int status) {
        Optional<TeamViews.Joining> joining = team.joining(token);
        return Html.status(
                joining.isPresent() ? status : 404,
                teamJoin.data("joining", joining.orElse(null))
                        .data("token", joining.isPresent() ? token : null)
                        .data("errors", errors));
    }
}
