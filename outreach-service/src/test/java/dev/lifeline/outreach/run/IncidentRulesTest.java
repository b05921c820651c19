package dev.lifeline.outreach.run;

import dev.lifeline.outreach.campaign.CampaignKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentRulesTest {

    private static final Set<String> META = Set.of("instagram", "facebook", "messenger", "whatsapp");

    @Test
    void anOutageCampaignFiredByAnOutageIsANoticeAndAManualRunIsNeither() {
        assertThat(IncidentRules.of(CampaignKind.OUTAGE, Run.TRIGGER_OUTAGE)).isEqualTo(new IncidentRules(true, false));
        assertThat(IncidentRules.of(CampaignKind.RECOVERY, Run.TRIGGER_RECOVERY))
                .isEqualTo(new IncidentRules(false, true));
        assertThat(IncidentRules.of(CampaignKind.OUTAGE, Run.TRIGGER_MANUAL))
                .isEqualTo(new IncidentRules(false, false));
        assertThat(IncidentRules.of(CampaignKind.RECOVERY, Run.TRIGGER_MANUAL))
                .isEqualTo(new IncidentRules(false, false));
    }

    @Test
    void aNoticeAvoidsItsOwnGroupAndEveryGroupStillDown() {
        IncidentRules notice = new IncidentRules(true, false);
        assertThat(notice.downPlatforms(META, List.of())).isEqualTo(META);
        assertThat(notice.downPlatforms(Set.of("shop-api"), List.of(META)))
                .containsAll(META)
                .contains("shop-api");
    }

    @Test
    void weAreBackMayUseItsOwnGroupAgainButNotAnotherIncidentsStillOpen() {
        IncidentRules recovery = new IncidentRules(false, true);
        assertThat(recovery.downPlatforms(META, List.of())).isEmpty();
        assertThat(recovery.downPlatforms(Set.of("shop-api"), List.of(META))).isEqualTo(META);
    }

    @Test
    void weAreBackReachesOnlyThoseToldOfTheOutageAndOnce() {
        IncidentRules recovery = new IncidentRules(false, true);
        assertThat(recovery.mayReach("ada", Set.of("ada", "bea"), Set.of())).isTrue();
        assertThat(recovery.mayReach("cyd", Set.of("ada", "bea"), Set.of())).isFalse();
        assertThat(recovery.mayReach("bea", Set.of("ada", "bea"), Set.of("bea")))
                .isFalse();
    }

    @Test
    void aNoticeSkipsWhoeverWasToldWithinTheWindowAndAManualRunSkipsNobody() {
        assertThat(new IncidentRules(true, false).mayReach("ada", Set.of(), Set.of("ada")))
                .isFalse();
        assertThat(new IncidentRules(true, false).mayReach("bea", Set.of(), Set.of("ada")))
                .isTrue();
        assertThat(new IncidentRules(false, false).mayReach("ada", Set.of(), Set.of()))
                .isTrue();
    }
}
