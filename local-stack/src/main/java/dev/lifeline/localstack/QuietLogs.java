package dev.lifeline.localstack;

import org.jboss.logmanager.LogContext;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process broker logs hundreds of INFO lines per start; they drown the service's own test
 * output. WARN keeps errors visible. Applied on JBoss LogManager (the slf4j binding that Quarkus brings,
 * used whether or not it is the JUL manager) and on JUL.
 */
final class QuietLogs {

    private static final List<String> CATEGORIES = List.of(
            "kafka", // the Scala broker
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.controller",
            "org.apache.kafka.raft",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.storage",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.queue",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.network",
            "org.apache.kafka.security",
            "org.apache.kafka.common.network",
            "org.apache.kafka.common.security",
            "org.apache.kafka.common.utils.AppInfoParser",
            // every client and the broker print their whole config at INFO
            "org.apache.kafka.common.config",
            "io.smallrye.reactive.messaging.kafka.companion",
            "io.zonky.test",
            "com.icegreen.greenmail");

    // JUL keeps loggers weakly; a collected logger would forget its level.
    private static final Set<Logger> HELD = ConcurrentHashMap.newKeySet();

    private QuietLogs() {}

    /** Cheap and repeatable: called at every server start, since a Quarkus boot may reconfigure logging. */
    static void apply() {
        for (String category : CATEGORIES) {
            Logger jul = Logger.getLogger(category);
            jul.setLevel(Level.WARNING);
            HELD.add(jul);
            try {
                Logger jboss = LogContext.getLogContext().getLogger(category);
                jboss.setLevel(Level.WARNING);
                HELD.add(jboss);
            } catch (LinkageError absent) {
                // a consumer without JBoss LogManager logs through whatever it brought
            }
        }
    }
}
