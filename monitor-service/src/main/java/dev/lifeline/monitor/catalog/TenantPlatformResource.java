package dev.lifeline.monitor.catalog;

import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import dev.lifeline.monitor.probe.ProbeRequest;
import dev.lifeline.monitor.probe.ProbeView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** A tenant's platforms, their probes, and which platforms the business depends on. */
@Path("/api/v1/tenant")
@RequiresTenant
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantPlatformResource {

    private final TenantPlatformService service;
    private final CurrentTenant tenant;

    public TenantPlatformResource(TenantPlatformService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @Path("/platforms")
    public List<Platform> platforms() {
        return service.visible(tenant.id());
    }

    @POST
    @Path("/platforms")
    public Response create(@Valid @NotNull PlatformRequest request) {
        Platform platform = service.create(tenant.id(), request);
        return Response.created(URI.create("/api/v1/tenant/platforms/" + platform.id()))
                .entity(platform)
                .build();
    }

    @GET
    @Path("/platforms/{platformId}/probes")
    public List<ProbeView> probes(@PathParam("platformId") String platformId) {
        return service.probes(tenant.id(), platformId);
    }

    @POST
    @Path("/platforms/{platformId}/probes")
    public Response addProbe(@PathParam("platformId") String platformId, ProbeRequest request) {
        ProbeView probe = service.addProbe(tenant.id(), platformId, request);
        return Response.created(URI.create("/api/v1/tenant/platforms/" + platformId + "/probes/" + probe.id()))
                .entity(probe)
                .build();
    }

    @DELETE
    @Path("/platforms/{platformId}/probes/{probeId}")
    public Response removeProbe(@PathParam("platformId") String platformId, @PathParam("probeId") String probeId) {
        service.removeProbe(tenant.id(), platformId, probeId);
        return Response.noContent().build();
    }

    @GET
    @Path("/dependencies")
    public List<String> dependencies() {
        return service.dependencies(tenant.id());
    }

    @PUT
    @Path("/dependencies")
    public List<String> replaceDependencies(@Valid @NotNull DependenciesRequest request) {
        return service.replaceDependencies(tenant.id(), request.platformIds());
    }
}
