package dev.lifeline.console.outages;

import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Outages and runs page: the timeline with each run's counts (its part is fetched again every second while
 * something sends), one run's deliveries with a state filter, and cancel.
 */
@Path("/outages")
@Produces(MediaType.TEXT_HTML)
public class OutagesResource {

    static final int OUTAGES = 50;
    static final int PAGE = 100;
    static final List<String> STATES =
            List.of("queued", "deferred", "sending", "sent", "failed", "bounced", "cancelled");
    private static final Logger LOG = Logger.getLogger(OutagesResource.class);

    private final Template outages;
    private final Template timeline;
    private final Template run;
    private final Template error;
    private final SignedInBusiness owners;
    private final MonitorClient monitor;
    private final OutreachClient outreach;
    private final CsrfToken csrf;

    public OutagesResource(
            Template outages,
            Template timeline,
            Template run,
            Template error,
            SignedInBusiness owners,
            MonitorClient monitor,
            OutreachClient outreach,
            CsrfToken csrf) {
        this.outages = outages;
        this.timeline = timeline;
        this.run = run;
        this.error = error;
        this.owners = owners;
        this.monitor = monitor;
        this.outreach = outreach;
        this.csrf = csrf;
    }

    @GET
    public Response page(@RestCookie("lifeline_session") String session) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        return Html.ok(outages.data("owner", owner.get())
                .data("timeline", timeline(owner.get().key())));
    }

    /** The timeline alone, for the page's script. */
    @GET
    @Path("timeline")
    public Response timelinePart(@RestCookie("lifeline_session") String session) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Response.status(401).build();
        }
        return Html.ok(timeline.data("timeline", timeline(owner.get().key())));
    }

    @GET
    @Path("runs/{id}")
    public Response run(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestQuery String state,
            @RestQuery String offset) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Optional<OutreachClient.Run> found =
                isUuid(id) ? outreach.run(owner.get().key(), id) : Optional.empty();
        if (found.isEmpty()) {
            return Html.status(
                    404,
                    error.data("title", "Run not found")
                            .data("message", "There is no such run in your business.")
                            .data("status", 404));
        }
        int from = Math.max(0, parse(offset));
        String filter = state != null && STATES.contains(state) ? state : "";
        List<OutreachClient.Delivery> page = outreach.deliveries(owner.get().key(), id, PAGE, from);
        List<OutreachClient.Delivery> shown = filter.isEmpty()
                ? page
                : page.stream().filter(d -> d.state().equals(filter)).toList();
        return Html.ok(run.data("owner", owner.get())
                .data("run", found.get())
                .data("deliveries", shown)
                .data("state", filter)
                .data("states", STATES)
                .data("offset", from)
                .data("next", page.size() == PAGE ? from + PAGE : -1)
                .data("previous", from == 0 ? -1 : Math.max(0, from - PAGE)));
    }

    /** Stops what is still queued or waiting; what was sent stays sent. */
    @POST
    @Path("runs/{id}/cancel")
    public Response cancel(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        if (!isUuid(id)) {
            return Html.to("/outages");
        }
        Answer<OutreachClient.Run> cancelled = outreach.cancel(owner.get().key(), id);
        return Html.to(cancelled.ok() ? "/outages/runs/" + id + "?cancelled" : "/outages");
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        LOG.warnf("Outages page without a service: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Outages and runs");
    }

    @ServerExceptionMapper
    public Response refused(IllegalStateException e) {
        LOG.warnf("Outages page: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Outages and runs");
    }

    private Timeline timeline(String key) {
        List<Timeline.RunRow> runs = new ArrayList<>();
        for (OutreachClient.Campaign c : outreach.campaigns(key)) {
            for (OutreachClient.Run r : outreach.runs(key, c.id())) {
                runs.add(new Timeline.RunRow(c.name(), c.channel(), r));
            }
        }
        return Timeline.of(monitor.outages(key, OUTAGES), runs);
    }

    private static int parse(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isUuid(String s) {
        try {
            return s != null && s.length() == 36 && UUID.fromString(s) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
