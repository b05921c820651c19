package dev.lifeline.localstack;

import io.quarkus.bootstrap.logging.InitialConfigurator;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * Log output for a plain JVM (the local run, this module's own tests). Quarkus's jars put a
 * buffering handler on the root logger that only a booting Quarkus application releases; without
 * this, every broker warning and error would vanish. Not for a JVM that runs Quarkus: it sets up
 * its own console.
 */
final class ConsoleLogging {

    private static final String PATTERN = "%d{HH:mm:ss,SSS} %-5p [%c{3.}] (%t) %s%e%n";

    private ConsoleLogging() {}

    static synchronized void install() {
        QuietLogs.apply();
        ConsoleHandler console = new ConsoleHandler(ConsoleHandler.Target.SYSTEM_OUT, new PatternFormatter(PATTERN));
        console.setLevel(Level.INFO);
        // Quarkus's initial configuration lets everything through for its own build-time filtering
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
        try {
            // releases what was buffered so far, then passes everything on to the console
            InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] {console});
        } catch (LinkageError noQuarkus) {
            LogContext.getLogContext().getLogger("").addHandler(console);
        }
    }
}
