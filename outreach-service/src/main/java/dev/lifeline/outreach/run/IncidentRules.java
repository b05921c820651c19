package dev.lifeline.outreach.run;

import dev.lifeline.outreach.campaign.CampaignKind;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The rules that keep an incident's sends unsurprising, beyond consent and channel preference (AudiencePlanner):
 * <ul>
 *   <li>an outage notice goes once per platform group within the notice window, whichever campaign or platform of
 *       the group it is for;</li>
 *   <li>"we're back" is news only to those who were told the platform was down, and they hear it once;</li>
 *   <li>no channel of a group that is down is used: the incident's own group (except in "we're back", which may use
 *       WhatsApp again) and the group of any other outage still open.</li>
 * </ul>
 * A manual run is neither: it goes to whoever the campaign reaches.
 */
record IncidentRules(boolean outageNotice, boolean recovery) {

    static IncidentRules of(CampaignKind kind, String trigger) {
        return new IncidentRules(
                kind == CampaignKind.OUTAGE && !Run.TRIGGER_MANUAL.equals(trigger),
                kind == CampaignKind.RECOVERY && Run.TRIGGER_RECOVERY.equals(trigger));
    }

    /**
     * @param incidentGroup the run's platform and the platforms of its group
     * @param openGroups    the groups of every outage the business sees open now
     */
    Set<String> downPlatforms(Set<String> incidentGroup, Collection<Set<String>> openGroups) {
        Set<String> down = new HashSet<>(recovery ? Set.of() : incidentGroup);
        openGroups.forEach(down::addAll);
        return down;
    }

    /**
     * @param toldOfOutage for "we're back": who got the incident's outage notice (ignored otherwise)
     * @param alreadyTold  who already got this kind of message (notice within the window, or "we're back")
     */
    boolean mayReach(String contactId, Set<String> toldOfOutage, Set<String> alreadyTold) {
        return (!recovery || toldOfOutage.contains(contactId)) && !alreadyTold.contains(contactId);
    }
}
