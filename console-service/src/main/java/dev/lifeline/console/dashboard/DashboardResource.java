package dev.lifeline.console.dashboard;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.session.Sessions;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.net.URI;
import java.util.Optional;

/** The signed-in owner's start page, its platforms part, and the stream that tells the page when to fetch it again. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private final Template dashboard;
    private final Template platforms;
    private final Sessions sessions;
    private final Dashboard board;
    private final PlatformChanges changes;

    public DashboardResource(
            Template dashboard, Template platforms, Sessions sessions, Dashboard board, PlatformChanges changes) {
        this.dashboard = dashboard;
        this.platforms = platforms;
        this.sessions = sessions;
        this.board = board;
        this.changes = changes;
    }

    @GET
    public Response home(@RestCookie(Sessions.COOKIE) String session) {
        return Response.seeOther(URI.create(sessions.user(session).isPresent() ? "/dashboard" : "/signin"))
                .build();
    }

    @GET
    @Path("dashboard")
    public Response dashboard(@RestCookie(Sessions.COOKIE) String session) {
        Optional<ConsoleUser> user = sessions.user(session);
        if (user.isEmpty()) {
            return Response.seeOther(URI.create("/signin")).build();
        }
        return html(dashboard.data("view", board.of(user.get(), true)).render());
    }

    @GET
    @Path("dashboard/platforms")
    public Response platformsPart(@RestCookie(Sessions.COOKIE) String session) {
        Optional<ConsoleUser> user = sessions.user(session);
        if (user.isEmpty()) {
            return Response.status(401).build();
        }
        return html(platforms.data("view", board.of(user.get(), false)).render());
    }

    /**
     * Server-Sent Events for the open dashboard: the id of each platform that changes, as monitor-service reports it.
     * Signed out, 204, which tells the browser's EventSource to stop trying; the page's next fetch then signs in.
     */
    @GET
    @Path("dashboard/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Blocking // the session is looked up in the database; the stream itself then runs on the event loop
    public Multi<String> events(@RestCookie(Sessions.COOKIE) String session) {
        if (sessions.user(session).isEmpty()) {
            throw new WebApplicationException(Response.noContent().build());
        }
        return changes.stream();
    }

    private static Response html(String body) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
