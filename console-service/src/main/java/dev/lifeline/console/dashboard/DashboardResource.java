package dev.lifeline.console.dashboard;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.session.Sessions;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestCookie;

import java.net.URI;
import java.util.Optional;

/** The signed-in owner's start page, and its platforms part, which the page fetches again to stay live. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private final Template dashboard;
    private final Template platforms;
    private final Sessions sessions;
    private final Dashboard board;

    public DashboardResource(Template dashboard, Template platforms, Sessions sessions, Dashboard board) {
        this.dashboard = dashboard;
        this.platforms = platforms;
        this.sessions = sessions;
        this.board = board;
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

    private static Response html(String body) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
