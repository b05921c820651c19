package dev.lifeline.monitor.support;

import dev.lifeline.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The one resource set of this module's Quarkus tests (one Quarkus boot): real Kafka and PostgreSQL. */
@QuarkusTestResource(
        value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "monitor"),
        restrictToAnnotatedClass = false)
public final class MonitorTestResources {

    private MonitorTestResources() {}
}
