package dev.lifeline.console.campaigns;

import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.FieldProblems;
import dev.lifeline.console.services.OutreachClient;
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

import java.util.Optional;

/**
 * "Send me a test" in the campaign editor: the campaign once to the owner's own address (their sign-in e-mail by
 * default, a phone number for SMS), through outreach's test send, shown on the editor page itself.
 */
@Path("/campaigns/{id}/test")
@Produces(MediaType.TEXT_HTML)
public class CampaignTestResource {

    private final CampaignEditor editor;
    private final SignedInBusiness owners;
    private final OutreachClient outreach;
    private final CsrfToken csrf;

    public CampaignTestResource(
            CampaignEditor editor, SignedInBusiness owners, OutreachClient outreach, CsrfToken csrf) {
        this.editor = editor;
        this.owners = owners;
        this.outreach = outreach;
        this.csrf = csrf;
    }

    @POST
    public Response send(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String to) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Optional<OutreachClient.Campaign> campaign = editor.find(owner.get(), id);
        if (campaign.isEmpty()) {
            return Html.to("/campaigns");
        }
        String address = to == null ? "" : to.strip();
        if (address.isEmpty() || address.length() > 320) {
            return Html.status(
                    400,
                    editor.editPage(owner.get(), campaign.get(), null, null)
                            .data("testTo", address)
                            .data("testError", "Enter the address the test should go to."));
        }
        Answer<OutreachClient.TestSend> sent = outreach.testSend(owner.get().key(), id, address);
        if (!sent.ok()) {
            String problem = sent.problems().getOrDefault("to", sent.problems().get(FieldProblems.GENERAL));
            return Html.status(
                    sent.problems().containsKey("to") ? 400 : 429,
                    editor.editPage(owner.get(), campaign.get(), null, null)
                            .data("testTo", address)
                            .data(
                                    "testError",
                                    problem == null
                                            ? String.join(" ", sent.problems().values())
                                            : problem));
        }
        return Html.ok(editor.editPage(owner.get(), campaign.get(), null, null)
                .data("testTo", address)
                .data("testSend", sent.value()));
    }
}
