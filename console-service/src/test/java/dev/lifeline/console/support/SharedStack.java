package dev.lifeline.console.support;

import dev.lifeline.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The one test-resource set of this module (real PostgreSQL and SMTP of local-stack), applied to every @QuarkusTest
 * so that Quarkus boots once for the whole suite.
 */
@QuarkusTestResource(
        value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "console"),
        restrictToAnnotatedClass = false)
public final class SharedStack {}
