package dev.lifeline.monitor.status;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.List;

/** Public: the state of every platform, for people and for machines. */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final StatusService status;
    private final StatusStream stream;

    public StatusResource(StatusService status, StatusStream stream) {
        this.status = status;
        this.stream = stream;
    }

    /** Server-Sent Events: one JSON event per outage change or platform state change, as they happen. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StatusChange> stream() {
        return stream.changes();
    }

    @GET
    public List<PlatformStatus> all() {
        return status.all();
    }
}
