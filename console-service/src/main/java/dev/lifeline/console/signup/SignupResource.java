package dev.lifeline.console.signup;

import dev.lifeline.console.config.ConsoleConfig;
import dev.lifeline.console.services.MonitorClient;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Self sign-up: the form, the "check your inbox" page, and the verification link's confirmation. */
@Path("/signup")
@Produces(MediaType.TEXT_HTML)
public class SignupResource {

    private static final Logger LOG = Logger.getLogger(SignupResource.class);

    private final Template signup;
    private final Template signupSent;
    private final Template signupVerify;
    private final ConsoleConfig config;
    private final SignupService signups;
    private final MonitorClient monitor;
    private final CsrfToken csrf;

    public SignupResource(
            Template signup,
            Template signupSent,
            Template signupVerify,
            ConsoleConfig config,
            SignupService signups,
            MonitorClient monitor,
            CsrfToken csrf) {
        this.signup = signup;
        this.signupSent = signupSent;
        this.signupVerify = signupVerify;
        this.config = config;
        this.signups = signups;
        this.monitor = monitor;
        this.csrf = csrf;
    }

    @GET
    public Response form() {
        SignupForm empty = SignupForm.of("", "", "", "DE", "Europe/Berlin", List.of());
        return page(200, empty, Map.of());
    }

    @POST
    public Response submit(
            @RestForm String businessName,
            @RestForm String email,
            @RestForm String password,
            @RestForm String region,
            @RestForm String timeZone,
            @RestForm List<String> platformIds,
            @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        if (!config.signupEnabled()) {
            return page(403, SignupForm.of("", "", "", "", "", List.of()), Map.of());
        }
        SignupForm form = SignupForm.of(businessName, email, password, region, timeZone, platformIds);
        Set<String> catalogue = catalogue()
                .map(list -> list.stream().map(MonitorClient.Platform::id).collect(Collectors.toSet()))
                .orElse(null);
        Map<String, String> errors = form.errors(catalogue);
        if (!errors.isEmpty()) {
            return page(400, form, errors);
        }
        signups.start(form);
        return html(200, signupSent.data("email", form.email()).render());
    }

    @GET
    @Path("verify")
    public Response confirmPage(@RestQuery String token) {
        Optional<String> name = signups.pendingName(token);
        return html(
                name.isPresent() ? 200 : 404,
                signupVerify
                        .data("token", name.isPresent() ? token : null)
                        .data("businessName", name.orElse(null))
                        .data("done", false)
                        .data("retry", false)
                        .render());
    }

    @POST
    @Path("verify")
    public Response confirm(@RestForm String token, @RestForm(CsrfToken.FIELD) String csrfField) {
        csrf.verify(csrfField);
        try {
            SignupService.Verified outcome = signups.verify(token);
            boolean done = outcome == SignupService.Verified.CREATED;
            return html(
                    done ? 200 : 404,
                    signupVerify
                            .data("token", null)
                            .data("businessName", null)
                            .data("done", done)
                            .data("retry", false)
                            .render());
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Sign-up could not create the tenant yet: %s", e.getMessage());
            return html(
                    503,
                    signupVerify
                            .data("token", token)
                            .data("businessName", null)
                            .data("done", false)
                            .data("retry", true)
                            .render());
        }
    }

    private Response page(int status, SignupForm form, Map<String, String> errors) {
        List<MonitorClient.Platform> platforms = catalogue().orElse(List.of());
        return html(
                status,
                signup.data("form", form)
                        .data("errors", errors)
                        .data("platforms", platforms)
                        .data("enabled", config.signupEnabled())
                        .render());
    }

    private Optional<List<MonitorClient.Platform>> catalogue() {
        try {
            return Optional.of(monitor.catalogue());
        } catch (ServiceUnavailableException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static Response html(int status, String body) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(body)
                .build();
    }
}
