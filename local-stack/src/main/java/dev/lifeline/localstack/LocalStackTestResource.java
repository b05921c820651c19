package dev.lifeline.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared local stack:
 * <pre>
 * &#64;QuarkusTestResource(value = LocalStackTestResource.class, initArgs = &#64;ResourceArg(name = "database", value = "contact"))
 * </pre>
 * One stack per JVM, started on first use and stopped when the JVM exits: every test class of a
 * module shares one broker, one PostgreSQL and one SMTP server, which also means tests see each
 * other's topics, rows and mail ({@link MailCatcher#clear()} and unique keys keep them apart). Use
 * the same resource set on every test class: Quarkus restarts the application for each distinct set.
 * <p>
 * Strictly, one stack per class loader: Quarkus loads this class once per test profile in its own
 * class loader, and a plain JUnit test calling {@link #stack()} uses the application class loader,
 * so a module mixing those gets a second stack (on other random ports; correct, a few seconds
 * slower). Making the class parent-first does not help: Quarkus then rejects it as a test resource.
 * <p>
 * With a Docker engine, this is where Testcontainers could take over (start containers here and
 * return their coordinates); there is none on our machines, so it is not implemented.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";

    private static LocalStack shared;

    private String database;

    /** The shared stack, for plain JUnit tests that need no Quarkus. Starts it on first use. */
    public static synchronized LocalStack stack() {
        if (shared == null) {
            LocalStack stack = LocalStack.start(LocalStack.Ports.random());
            ShutdownHooks.add("local-stack", stack::stop);
            shared = stack;
        }
        return shared;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(
                    "LocalStackTestResource needs @ResourceArg(name = \"database\", value = \"<service database>\")");
        }
    }

    @Override
    public Map<String, String> start() {
        return stack().quarkusConfig(database);
    }

    @Override
    public void stop() {
        // Shared with the test classes still to come; the JVM shutdown hook stops it.
    }

    @Override
    public void inject(TestInjector injector) {
        LocalStack stack = stack();
        inject(injector, LocalStack.class, stack);
        inject(injector, LocalKafka.class, stack.kafka());
        inject(injector, LocalPostgres.class, stack.postgres());
        inject(injector, MailCatcher.class, stack.mail());
    }

    private static void inject(TestInjector injector, Class<?> type, Object value) {
        injector.injectIntoFields(value, new TestInjector.AnnotatedAndMatchesType(InjectLocalStack.class, type));
    }
}
