package dev.lifeline.outreach;

import dev.lifeline.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The one test-resource set of this module, so every @QuarkusTest shares one Quarkus boot and one stack. */
@QuarkusTestResource(
        value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "outreach"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeEndpoints.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeWhatsApp.class, restrictToAnnotatedClass = false)
public final class SharedStack {
    private SharedStack() {}
}
