package dev.lifeline.console.signupform;

import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.web.CsrfToken;
import dev.lifeline.console.web.Html;
import dev.lifeline.console.web.SignedInBusiness;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.Optional;

/**
 * The Sign-up form page: the consent texts per channel, the websites that may embed the form, a preview of the
 * hosted form and the snippet to copy. Everything it shows and saves is contact-service's {@code /api/v1/tenant}.
 */
@Path("/signup-form")
@Produces(MediaType.TEXT_HTML)
public class SignupFormResource {

    private static final Logger LOG = Logger.getLogger(SignupFormResource.class);

    private final Template signupForm;
    private final Template error;
    private final SignedInBusiness owners;
    private final SignupFormClient client;
    private final CsrfToken csrf;

    public SignupFormResource(
            Template signupForm, Template error, SignedInBusiness owners, SignupFormClient client, CsrfToken csrf) {
        this.signupForm = signupForm;
        this.error = error;
        this.owners = owners;
        this.client = client;
        this.csrf = csrf;
    }

    @GET
    public Response page(@RestCookie("lifeline_session") String session, @RestQuery String saved) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        SignupFormClient.FormSettings form = client.settings(owner.get().key());
        String notice =
                saved == null ? null : "Saved. New sign-ups record this wording as version " + form.version() + ".";
        return render(200, owner.get(), form, null, Map.of(), notice);
    }

    @POST
    public Response save(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String emailText,
            @RestForm String smsText,
            @RestForm String websites) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        SignupFormInput input = new SignupFormInput(emailText, smsText, websites);
        Map<String, String> problems = input.problems();
        if (problems.isEmpty()) {
            problems = client.change(owner.get().key(), input);
        }
        if (problems.isEmpty()) {
            return Html.to("/signup-form?saved=1");
        }
        return render(400, owner.get(), current(owner.get()), input, problems, null);
    }

    private Response render(
            int status,
            SignedInBusiness.Owner owner,
            SignupFormClient.FormSettings form,
            SignupFormInput entered,
            Map<String, String> errors,
            String notice) {
        String base = client.publicUrl();
        SignupFormView view = new SignupFormView(
                form,
                form == null ? null : base + "/f/" + form.slug(),
                form == null ? null : SignupFormView.snippet(base, form.slug()),
                entered,
                errors,
                notice);
        return Html.status(status, signupForm.data("owner", owner).data("view", view));
    }

    /** The saved form for a refused edit's page; without contact-service the page still shows the refusal. */
    private SignupFormClient.FormSettings current(SignedInBusiness.Owner owner) {
        try {
            return client.settings(owner.key());
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Sign-up form preview not available: %s", e.getMessage());
            return null;
        }
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        LOG.warnf("Sign-up form page without contact-service: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Sign-up form");
    }

    @ServerExceptionMapper
    public Response refused(IllegalStateException e) {
        LOG.warnf("Sign-up form page without contact-service: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Sign-up form");
    }
}
