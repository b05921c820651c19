package dev.lifeline.monitor.status;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The public status page: one line per platform, problems first, readable at a glance. */
@Path("/status")
public class StatusPageResource {

    @jakarta.inject.Inject
    StatusService status;

    @jakarta.inject.Inject
    Template statusPage;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        List<PlatformStatus> platforms = status.all();
        long down = platforms.stream().filter(PlatformStatus::isDown).count();
        List<PlatformStatus> ordered = platforms.stream()
                .sorted((a, b) -> Boolean.compare(b.isDown(), a.isDown()))
                .toList();
        return statusPage
                .data("platforms", ordered)
                .data("down", down)
                .data("headline", down == 0 ? "All platforms operational" : down + " platform(s) down");
    }
}
