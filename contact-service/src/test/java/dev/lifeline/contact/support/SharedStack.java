package dev.lifeline.contact.support;

import dev.lifeline.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The one test-resource set of this module (real Kafka, PostgreSQL, SMTP), applied to every @QuarkusTest so that
 * Quarkus boots once for the whole suite.
 */
@QuarkusTestResource(
        value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "contact"),
        restrictToAnnotatedClass = false)
public final class SharedStack {}
