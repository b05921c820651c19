package dev.lifeline.outreach.run;

import java.util.Map;
import java.util.UUID;

/** A campaign's runs summed: the numbers a shop owner reads after a bad week (see {@link RunStore#counts}). */
public record CampaignTotals(
        UUID campaignId,
        int runs,
        int queued,
        int deferred,
        int sending,
        int sent,
        int failed,
        int bounced,
        int cancelled,
        int delivered,
        int undelivered,
        int complained) {

    static CampaignTotals of(UUID campaignId, int runs, Map<String, Integer> counts) {
        return new CampaignTotals(
                campaignId,
                runs,
                counts.get("queued"),
                counts.get("deferred"),
                counts.get("sending"),
                counts.get("sent"),
                counts.get("failed"),
                counts.get("bounced"),
                counts.get("cancelled"),
                counts.get("delivered"),
                counts.get("undelivered"),
                counts.get("complained"));
    }
}
