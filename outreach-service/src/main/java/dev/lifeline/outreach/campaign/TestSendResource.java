package dev.lifeline.outreach.campaign;

import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The owner tries a campaign on themselves before an outage does: one message to the address they give. */
@Path("/api/v1/campaigns/{id}/test-send")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestSendResource {

    public record TestSendRequest(
            @Size(max = 320) String to, @Size(max = 100) String contactId) {}

    private final CurrentTenant tenant;
    private final TestSends tests;

    public TestSendResource(CurrentTenant tenant, TestSends tests) {
        this.tenant = tenant;
        this.tests = tests;
    }

    @POST
    public TestSends.Outcome send(@PathParam("id") String id, @Valid TestSendRequest request) {
        return tests.send(
                tenant.id(), id, request == null ? null : request.to(), request == null ? null : request.contactId());
    }
}
