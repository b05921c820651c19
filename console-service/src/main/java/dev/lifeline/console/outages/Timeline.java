package dev.lifeline.console.outages;

import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business's outages, newest first, each with the runs its campaigns made for it; runs started by hand (not
 * dry runs: those only counted) go in a list of their own. Joined by the outage id monitor-service gives an outage
 * and outreach-service keeps on the run.
 */
public record Timeline(List<Entry> outages, List<RunRow> manualRuns) {

    /** One outage and the runs that answered it. */
    public record Entry(MonitorClient.TimelineOutage outage, List<RunRow> runs) {}

    /** A run with the name of its campaign. */
    public record RunRow(String campaignName, String channel, OutreachClient.Run run) {}

    public static Timeline of(List<MonitorClient.TimelineOutage> outages, List<RunRow> runs) {
        Map<String, List<RunRow>> byOutage = new LinkedHashMap<>();
        List<RunRow> manual = new ArrayList<>();
        for (RunRow row : runs) {
            if (row.run().dryRun()) {
                continue;
            }
            if (row.run().outageId() == null) {
                manual.add(row);
            } else {
                byOutage.computeIfAbsent(row.run().outageId(), id -> new ArrayList<>())
                        .add(row);
            }
        }
        Comparator<RunRow> newestFirst = Comparator.comparing(
                        (RunRow r) -> r.run().createdAt(), Comparator.nullsLast(Comparator.naturalOrder()))
                .reversed();
        List<Entry> entries = new ArrayList<>();
        for (MonitorClient.TimelineOutage outage : outages) {
            List<RunRow> answered = new ArrayList<>(byOutage.getOrDefault(outage.id(), List.of()));
            answered.sort(newestFirst);
            entries.add(new Entry(outage, answered));
        }
        manual.sort(newestFirst);
        return new Timeline(entries, manual);
    }

    /** While a run still sends (or waits out its grace period) the page refreshes its counts every second. */
    public boolean live() {
        return outages.stream()
                        .anyMatch(e -> e.outage().open()
                                || e.runs().stream().anyMatch(r -> r.run().live()))
                || manualRuns.stream().anyMatch(r -> r.run().live());
    }
}
