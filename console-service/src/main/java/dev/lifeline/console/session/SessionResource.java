package dev.lifeline.console.session;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.account.PasswordHasher;
import dev.lifeline.console.signup.SignupForm;
import dev.lifeline.console.signup.SignupService;
import dev.lifeline.console.web.Cookies;
import dev.lifeline.console.web.CsrfToken;
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
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Sign-in with e-mail and password, and sign-out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SessionResource {

    private final Template signin;
    private final Sessions sessions;
    private final SignInLimiter limiter;
    private final PasswordHasher hasher;
    private final SignupService signups;
    private final CsrfToken csrf;

    public SessionResource(
            Template signin,
            Sessions sessions,
            SignInLimiter limiter,
            PasswordHasher hasher,
            SignupService signups,
            CsrfToken csrf) {
        this.signin = signin;
        this.sessions = sessions;
        this.limiter = limiter;
        this.hasher = hasher;
        this.signups = signups;
        this.csrf = csrf;
    }

    @GET
    @Path("signin")
    public String form() {
        return signin.data("email", "")
                .data("linkEmail", "")
                .data("errors", Map.of())
                .data("notice", null)
                .render();
    }

    @POST
    @Path("signin")
    public Response signIn(
            @RestForm String email,
            @RestForm String password,
            @RestForm(CsrfToken.FIELD) String token,
            @Context HttpServerRequest request) {
        csrf.verify(token);
        String address = SignupForm.normaliseEmail(email);
        Map<String, String> errors = new LinkedHashMap<>();
        if (address.isEmpty()) {
            errors.put("email", "Enter your e-mail address.");
        } else if (address.chars().anyMatch(Character::isISOControl)) {
            // No address holds control characters (and PostgreSQL's text cannot hold NUL): refused before any lookup.
            errors.put("email", "Enter your e-mail address as it is, without control characters.");
        }
        if (password == null || password.isEmpty()) {
            errors.put("password", "Enter your password.");
        }
        if (!errors.isEmpty()) {
            return page(400, address, errors);
        }
        Optional<Duration> wait = limiter.attempt(request.remoteAddress().hostAddress(), address);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException(wait.get());
        }
        Optional<ConsoleUser> user = ConsoleUser.byEmail(address);
        if (user.isPresent() && hasher.matches(password, user.get().passwordHash)) {
            limiter.succeeded(address);
            String session = sessions.start(user.get());
            return Response.seeOther(URI.create("/dashboard"))
                    .header(
                            HttpHeaders.SET_COOKIE,
                            Cookies.header(Sessions.COOKIE, session, sessions.cookieMaxAgeSeconds()))
                    .build();
        }
        if (user.isEmpty() && signups.isPendingWith(address, password)) {
            return page(
                    403,
                    address,
                    Map.of("email", "Confirm your e-mail address first: open the link we sent to it, then sign in."));
        }
        if (user.isEmpty()) {
            hasher.spendDecoyCheck(password);
        }
        limiter.failed(address);
        return page(401, address, Map.of("password", "The e-mail address or the password is wrong."));
    }

    @POST
    @Path("signout")
    public Response signOut(@RestForm(CsrfToken.FIELD) String token, @RestCookie(Sessions.COOKIE) String session) {
        csrf.verify(token);
        sessions.end(session);
        return Response.seeOther(URI.create("/signin?signedOut"))
                .header(HttpHeaders.SET_COOKIE, Cookies.header(Sessions.COOKIE, "", 0))
                .build();
    }

    private Response page(int status, String email, Map<String, String> errors) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(signin.data("email", email)
                        .data("linkEmail", "")
                        .data("errors", errors)
                        .data("notice", null)
                        .render())
                .build();
    }
}
