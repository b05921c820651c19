package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One monitor instance's view: a state machine per platform fed with every instance's verdicts, and which outages
 * are open in the shared ledger (learnt at start, from its own commits and from the outage topic). It turns the
 * machines' decisions into ledger calls, and keeps its machines in line with the ledger, which is the one truth that
 * all replicas share:
 * <ul>
 *   <li>an open probe outage that this instance did not open puts its machine DOWN, so that it resolves only after
 *       it has itself seen the platform recover (a replica that just started never resolves on its first result);</li>
 *   <li>a probe outage resolved elsewhere puts its machine UP, so that a replica a verdict behind does not open a
 *       second outage for the same incident.</li>
 * </ul>
 * The ledger decides races: the first replica to open (or resolve) wins, the others' calls change nothing.
 */
public final class OutageReconciler {

    /** The shared store of outages (PostgreSQL in the service); every call is safe to make from several replicas. */
    public interface Ledger {
        /** Opens a probe outage unless one is open; answers the one open afterwards (empty for an unknown platform). */
        Optional<OpenOutage> start(
                String platformId, Severity severity, Instant startedAt, List<ProbeEvidence> evidence);

        /** Closes the open probe outage if there is one; a person's outage stays. */
        void resolve(String platformId);

        /** Publishes new severity or evidence of the open probe outage, unless it already says so. */
        void update(String platformId, Severity severity, List<ProbeEvidence> evidence);
    }

    /** A platform's machine changed state: for the SSE stream and the metrics. */
    public interface StateListener {
        void changed(String platformId, HealthState state);
    }

    public record OpenOutage(String id, OutageSource source, Instant startedAt) {}

    private static final int REMEMBERED_CLOSED = 10_000;

    private final HealthPolicy policy;
    private final Clock clock;
    private final Ledger ledger;
    private final StateListener listener;
    private final Map<String, PlatformHealth> healths = new ConcurrentHashMap<>();
    private final Map<String, OpenOutage> open = new ConcurrentHashMap<>();
    private final Map<String, String> announced = new ConcurrentHashMap<>();
    /** Outages known closed: an older "started" arriving late from the topic must not reopen them here. */
    private final Set<String> closed = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_CLOSED;
        }
    }));

    public OutageReconciler(HealthPolicy policy, Clock clock, Ledger ledger, StateListener listener) {
        this.policy = policy;
        this.clock = clock;
        this.ledger = ledger;
        this.listener = listener;
    }

    /** An outage is open in the ledger (whoever opened it). */
    public void opened(String platformId, OpenOutage outage) {
        if (!closed.contains(outage.id())) {
            open.put(platformId, outage);
        }
    }

    /** An outage was closed in the ledger (whoever closed it). */
    public void closed(String platformId, String outageId, OutageSource source) {
        closed.add(outageId);
        open.computeIfPresent(platformId, (id, current) -> current.id().equals(outageId) ? null : current);
        announced.remove(platformId);
        PlatformHealth health = healths.get(platformId);
        if (health != null && source == OutageSource.PROBE) {
            synchronized (health) {
                notify(platformId, health.adoptRecovery());
            }
        }
    }

    /** Feeds one verdict (this instance's or another's) to the platform's machine and acts on its decision. */
    public Transition observe(String platformId, Observation observation) {
        PlatformHealth health = healths.computeIfAbsent(platformId, id -> new PlatformHealth(policy, clock));
        synchronized (health) {
            OpenOutage current = open.get(platformId);
            if (current != null && current.source() == OutageSource.PROBE) {
                notify(platformId, health.adoptOutage(current.startedAt()));
            }
            Transition transition = health.observe(observation);
            notify(platformId, transition);
            reconcile(platformId, health);
            return transition;
        }
    }

    private void reconcile(String platformId, PlatformHealth health) {
        boolean wanted = health.state().outageOpen();
        OpenOutage current = open.get(platformId);
        if (wanted && current == null) {
            ledger.start(platformId, health.severity(), health.firstBadAt(), health.evidence())
                    .ifPresent(o -> {
                        opened(platformId, o);
                        announced.put(platformId, signature(health));
                    });
        } else if (!wanted && current != null && current.source() == OutageSource.PROBE) {
            ledger.resolve(platformId);
            closed(platformId, current.id(), OutageSource.PROBE);
        } else if (wanted && current.source() == OutageSource.PROBE) {
            String signature = signature(health);
            String before = announced.put(platformId, signature);
            if (before != null && !before.equals(signature)) {
                ledger.update(platformId, health.severity(), health.evidence());
            }
        }
    }

    private void notify(String platformId, Transition transition) {
        if (transition.from() != transition.to()) {
            listener.changed(platformId, transition.to());
        }
    }

    /** What counts as "evidence changed": the severity and which probes are healthy, not every latency wiggle. */
    public static String signature(Severity severity, List<ProbeEvidence> evidence) {
        return severity + "|"
                + evidence.stream()
                        .map(e -> e.probeId() + "=" + e.healthy())
                        .sorted()
                        .collect(Collectors.joining(","));
    }

    private static String signature(PlatformHealth health) {
        return signature(health.severity(), health.evidence());
    }

    public Optional<PlatformHealth> health(String platformId) {
        return Optional.ofNullable(healths.get(platformId));
    }

    public Optional<OpenOutage> openOutage(String platformId) {
        return Optional.ofNullable(open.get(platformId));
    }
}
