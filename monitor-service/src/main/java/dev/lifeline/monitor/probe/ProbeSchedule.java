package dev.lifeline.monitor.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Which probes are due, each on its own interval. First runs are spread over the interval by a hash of the probe id
 * so that 10,000 probes do not all fire in the same tick. Not thread-safe: one scheduler thread owns it.
 */
public final class ProbeSchedule {

    private record Slot(Instant due, String probeId, long generation) {}

    private final Clock clock;
    private final PriorityQueue<Slot> queue =
            new PriorityQueue<>((a, b) -> a.due().compareTo(b.due()));
    private final Map<String, ProbeDefinition> probes = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private long nextGeneration;

    public ProbeSchedule(Clock clock) {
        this.clock = clock;
    }

    /** Adds or replaces a probe; a replaced probe's old slot is ignored when it comes up. */
    public void put(ProbeDefinition probe) {
        probes.put(probe.id(), probe);
        long generation = nextGeneration++;
        generations.put(probe.id(), generation);
        long spreadMs = Math.floorMod(
                probe.id().hashCode(), Math.max(1, probe.interval().toMillis()));
        queue.add(new Slot(clock.instant().plusMillis(spreadMs), probe.id(), generation));
    }

    public void remove(String probeId) {
        probes.remove(probeId);
        generations.remove(probeId);
    }

    public int size() {
        return probes.size();
    }

    /** Takes up to {@code max} due probes and books each one's next run one interval after now. */
    public List<ProbeDefinition> pollDue(int max) {
        Instant now = clock.instant();
        List<ProbeDefinition> due = new ArrayList<>();
        while (due.size() < max && !queue.isEmpty() && !queue.peek().due().isAfter(now)) {
            Slot slot = queue.poll();
            Long current = generations.get(slot.probeId());
            if (current == null || current != slot.generation()) {
                continue;
            }
            ProbeDefinition probe = probes.get(slot.probeId());
            due.add(probe);
            queue.add(new Slot(now.plus(probe.interval()), slot.probeId(), slot.generation()));
        }
        return due;
    }

    /** Time until the next probe is due, for the scheduler's sleep; zero when one is overdue. */
    public Duration untilNext(Duration ceiling) {
        if (queue.isEmpty()) {
            return ceiling;
        }
        Duration wait = Duration.between(clock.instant(), queue.peek().due());
        return wait.isNegative() ? Duration.ZERO : (wait.compareTo(ceiling) > 0 ? ceiling : wait);
    }
}
