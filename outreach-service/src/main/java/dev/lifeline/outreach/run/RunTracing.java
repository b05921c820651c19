package dev.lifeline.outreach.run;

import dev.lifeline.kit.trace.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The span of a run's dispatch. Its parent is the span that scheduled the run (kept on the run's row, as the run
 * starts later and on another thread), so the delivery jobs written under it, and their sends, are one trace with
 * the outage event. A no-op span when tracing is off.
 */
@ApplicationScoped
public class RunTracing {

    @Inject
    Tracer tracer;

    public Span start(Run run, TraceContext scheduledBy) {
        return tracer.spanBuilder("campaign run")
                .setParent(scheduledBy.asParent())
                .setAttribute("lifeline.run.id", run.id().toString())
                .setAttribute("lifeline.campaign.id", run.campaignId().toString())
                .setAttribute("lifeline.tenant.id", run.tenantId())
                .setAttribute("lifeline.platform.id", run.platformId())
                .setAttribute("lifeline.run.trigger", run.trigger())
                .startSpan();
    }
}
