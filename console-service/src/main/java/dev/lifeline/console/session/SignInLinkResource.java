package dev.lifeline.console.session;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.signup.SignupForm;
import dev.lifeline.console.web.Cookies;
import dev.lifeline.console.web.CsrfToken;
import dev.lifeline.console.web.Html;
import dev.lifeline.console.web.TooManyAttemptsException;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** "E-mail me a sign-in link" on the sign-in page, and the mailed link's page. */
@Path("/signin/link")
@Produces(MediaType.TEXT_HTML)
public class SignInLinkResource {

    /** Counted apart from password failures, so asking for links does not pause the address's password sign-in. */
    private static final String LIMIT_KEY = "link:";

    private final Template signin;
    private final Template signinLink;
    private final SignInLinks links;
    private final SignInLimiter limiter;
    private final Sessions sessions;
    private final CsrfToken csrf;

    public SignInLinkResource(
            Template signin,
            Template signinLink,
            SignInLinks links,
            SignInLimiter limiter,
            Sessions sessions,
            CsrfToken csrf) {
        this.signin = signin;
        this.signinLink = signinLink;
        this.links = links;
        this.limiter = limiter;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    @POST
    public Response request(
            @RestForm String email, @RestForm(CsrfToken.FIELD) String token, @Context HttpServerRequest request) {
        csrf.verify(token);
        String address = SignupForm.normaliseEmail(email);
        Optional<String> problem = SignupForm.emailProblem(address);
        if (problem.isPresent()) {
            return Html.status(
                    400,
                    signin.data("email", "")
                            .data("linkEmail", address)
                            .data("errors", Map.of("linkEmail", problem.get()))
                            .data("notice", null));
        }
        Optional<Duration> wait = limiter.attempt(request.remoteAddress().hostAddress(), LIMIT_KEY + address);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException(wait.get());
        }
        // Every request counts, known address or not: the same answer either way, and no mail bombing.
        limiter.failed(LIMIT_KEY + address);
        links.request(address);
        return Html.ok(signinLink.data("state", "sent").data("email", address).data("token", null));
    }

    @GET
    @Path("open")
    public Response open(@RestQuery String token) {
        boolean works = links.works(token);
        return Html.status(
                works ? 200 : 404,
                signinLink
                        .data("state", works ? "open" : "dead")
                        .data("email", null)
                        .data("token", works ? token : null));
    }

    @POST
    @Path("open")
    public Response use(@RestForm String token, @RestForm(CsrfToken.FIELD) String csrfField) {
        csrf.verify(csrfField);
        Optional<ConsoleUser> user = links.use(token);
        if (user.isEmpty()) {
            return Html.status(
                    404, signinLink.data("state", "dead").data("email", null).data("token", null));
        }
        return Response.seeOther(URI.create("/dashboard"))
                .header(
                        HttpHeaders.SET_COOKIE,
                        Cookies.header(Sessions.COOKIE, sessions.start(user.get()), sessions.cookieMaxAgeSeconds()))
                .build();
    }
}
