package dev.lifeline.console.dashboard;

import dev.lifeline.console.services.OutreachClient;

import java.util.List;

/**
 * What the business's campaigns sent for one outage, summed over its runs (dry runs are not sends). {@code live} while
 * one of them still sends or waits out its grace period, so that the dashboard keeps fetching the figures.
 */
public record OutageSends(int runs, int sent, int delivered, int failed, int bounced, boolean live) {

    public static OutageSends of(String outageId, List<OutreachClient.Run> runs) {
        int count = 0;
        int sent = 0;
        int delivered = 0;
        int failed = 0;
        int bounced = 0;
        boolean live = false;
        for (OutreachClient.Run run : runs) {
            if (run.dryRun() || !outageId.equals(run.outageId())) {
                continue;
            }
            count++;
            sent += run.sent();
            delivered += run.delivered();
            failed += run.failed();
            bounced += run.bounced();
            live |= run.live();
        }
        return new OutageSends(count, sent, delivered, failed, bounced, live);
    }
}
