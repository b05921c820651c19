package dev.lifeline.reliability;

import dev.lifeline.localstack.ServiceProcess;
import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks every running instance's liveness endpoint once a second, as Kubernetes' liveness probe would, for as long as
 * a fault lasts: an answer other than 200 (or none) is what would have had the pod killed.
 */
final class Liveness implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(1);

    private final List<ServiceProcess> instances;
    private final List<String> notLive = new ArrayList<>();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread poller;
    private int checks;

    private Liveness(RunningSystem system) {
        instances = system.processes();
        poller = new Thread(this::poll, "liveness-watch");
        poller.setDaemon(true);
        poller.start();
    }

    static Liveness watch(RunningSystem system) {
        return new Liveness(system);
    }

    private void poll() {
        while (watching.get()) {
            for (ServiceProcess instance : instances) {
                String answer;
                try {
                    Http.Reply live = Http.get(instance.managementUrl() + "/q/health/live", Map.of());
                    answer = live.status() == 200 ? null : live.status() + " " + live.raw();
                } catch (IllegalStateException e) {
                    answer = "no answer: " + e.getMessage();
                }
                synchronized (this) {
                    checks++;
                    if (answer != null || !instance.isAlive()) {
                        notLive.add(instance.name() + ": " + (answer == null ? "process gone" : answer));
                    }
                }
            }
            Business.sleep(EVERY);
        }
    }

    synchronized int checks() {
        return checks;
    }

    /** Every check that did not answer live, naming the instance. */
    synchronized List<String> notLive() {
        return List.copyOf(notLive);
    }

    @Override
    public void close() {
        watching.set(false);
        try {
            poller.join(Duration.ofSeconds(40).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
