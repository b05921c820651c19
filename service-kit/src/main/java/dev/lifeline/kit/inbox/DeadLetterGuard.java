package dev.lifeline.kit.inbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses to start a service with a dead-letter channel whose dead letters would keep the record's data: every
 * incoming channel with {@code failure-strategy=dead-letter-queue} must write through {@link DeadLetterReference}.
 * A channel added later without it would otherwise copy contacts' data where erasure cannot reach it, unnoticed.
 */
@ApplicationScoped
public class DeadLetterGuard {

    private static final Pattern STRATEGY = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.failure-strategy");

    void check(@Observes StartupEvent started) {
        Config config = ConfigProvider.getConfig();
        Set<String> names = new TreeSet<>();
        config.getPropertyNames().forEach(names::add);
        List<String> wrong = violations(names, name -> config.getOptionalValue(name, String.class));
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("Dead-letter channels without " + DeadLetterReference.class.getName()
                    + " as mp.messaging.incoming.<channel>.dead-letter-queue.value.serializer: " + wrong);
        }
    }

    /** @return the channels that dead-letter without {@link DeadLetterReference} */
    static List<String> violations(Iterable<String> names, Function<String, Optional<String>> value) {
        List<String> wrong = new ArrayList<>();
        for (String name : names) {
            Matcher m = STRATEGY.matcher(name);
            if (!m.matches() || !"dead-letter-queue".equals(value.apply(name).orElse(null))) {
                continue;
            }
            String serializer = value.apply(
                            "mp.messaging.incoming." + m.group(1) + ".dead-letter-queue.value.serializer")
                    .orElse(null);
            if (!DeadLetterReference.class.getName().equals(serializer)) {
                wrong.add(m.group(1));
            }
        }
        return wrong;
    }
}
