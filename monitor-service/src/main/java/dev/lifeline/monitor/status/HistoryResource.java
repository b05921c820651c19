package dev.lifeline.monitor.status;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.monitor.catalog.PlatformDirectory;
import dev.lifeline.monitor.outage.OutageEntity;
import dev.lifeline.monitor.outage.OutageView;
import dev.lifeline.monitor.probe.ProbeHistory;
import dev.lifeline.monitor.probe.ProbeResultView;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Public history of the catalogue platforms: outages with durations and recent probe results. */
@Path("/api/v1/platforms/{platformId}")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final PlatformDirectory platforms;
    private final ProbeHistory history;
    private final Clock clock;

    public HistoryResource(PlatformDirectory platforms, ProbeHistory history, Clock clock) {
        this.platforms = platforms;
        this.history = history;
        this.clock = clock;
    }

    @GET
    @Path("/outages")
    @Transactional
    public List<OutageView> outages(
            @PathParam("platformId") String platformId, @QueryParam("limit") @DefaultValue("50") int limit) {
        catalogued(platformId);
        Instant now = clock.instant();
        return OutageEntity.history(platformId, bounded(limit)).stream()
                .map(o -> OutageView.of(o, now))
                .toList();
    }

    @GET
    @Path("/probe-results")
    public List<ProbeResultView> probeResults(
            @PathParam("platformId") String platformId, @QueryParam("limit") @DefaultValue("100") int limit) {
        catalogued(platformId);
        return history.recent(platformId, bounded(limit));
    }

    private void catalogued(String platformId) {
        platforms.catalogue().stream()
                .filter(p -> p.id().equals(platformId))
                .findFirst()
                .orElseThrow(() -> ProblemException.field(404, "platformId", "is not a known platform"));
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.field(400, "limit", "must be between 1 and 1000");
        }
        return limit;
    }
}
