package dev.lifeline.monitor.probe;

import dev.lifeline.events.outage.Severity;
import dev.lifeline.monitor.health.ProbeOutcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JudgesTest {

    private static final ProbeDefinition HTTP =
            ProbeDefinition.http("p", "shop", "http://x/health", Duration.ofSeconds(5));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void http5xxFailsAndA2xxPasses() {
        assertThat(HttpJudge.judge(HTTP, 503, bytes(""), 10).outcome()).isEqualTo(ProbeOutcome.FAILED);
        assertThat(HttpJudge.judge(HTTP, 404, bytes(""), 10).outcome()).isEqualTo(ProbeOutcome.FAILED);
        assertThat(HttpJudge.judge(HTTP, 200, bytes("ok"), 10).outcome()).isEqualTo(ProbeOutcome.OK);
    }

    @Test
    void slowButCorrectIsDegraded() {
        Verdict v = HttpJudge.judge(HTTP, 200, bytes("ok"), 2500);
        assertThat(v.outcome()).isEqualTo(ProbeOutcome.DEGRADED);
        assertThat(v.detail()).contains("slow");
    }

    @Test
    void keywordMustBeInTheBody() {
        ProbeDefinition probe = HTTP.withConditions("feed", null, null, null);
        assertThat(HttpJudge.judge(probe, 200, bytes("<html>feed</html>"), 5).outcome())
                .isEqualTo(ProbeOutcome.OK);
        assertThat(HttpJudge.judge(probe, 200, bytes("<html>login</html>"), 5).outcome())
                .isEqualTo(ProbeOutcome.FAILED);
    }

    @Test
    void jsonPointerConditionReadsTheValue() {
        ProbeDefinition probe = HTTP.withConditions(null, "/status", "ok", null);
        assertThat(HttpJudge.judge(probe, 200, bytes("{\"status\":\"ok\"}"), 5).outcome())
                .isEqualTo(ProbeOutcome.OK);
        assertThat(HttpJudge.judge(probe, 200, bytes("{\"status\":\"bad\"}"), 5).outcome())
                .isEqualTo(ProbeOutcome.FAILED);
        assertThat(HttpJudge.judge(probe, 200, bytes("\u0000\u0001garbage"), 5).outcome())
                .isEqualTo(ProbeOutcome.FAILED);
    }

    @Test
    void statuspageIndicatorsMapToOutcomesAndSeverity() {
        ProbeDefinition probe = HTTP.withKind(ProbeKind.STATUSPAGE, "http://x/api/v2/status.json");
        assertThat(StatuspageJudge.judge(probe, 200, bytes("{\"status\":{\"indicator\":\"none\"}}"))
                        .outcome())
                .isEqualTo(ProbeOutcome.OK);
        assertThat(StatuspageJudge.judge(probe, 200, bytes("{\"status\":{\"indicator\":\"minor\"}}"))
                        .outcome())
                .isEqualTo(ProbeOutcome.DEGRADED);
        Verdict major = StatuspageJudge.judge(probe, 200, bytes("{\"status\":{\"indicator\":\"major\"}}"));
        assertThat(major.outcome()).isEqualTo(ProbeOutcome.FAILED);
        assertThat(major.severity()).isEqualTo(Severity.MAJOR);
        assertThat(StatuspageJudge.judge(probe, 200, bytes("{\"status\":{\"indicator\":\"critical\"}}"))
                        .severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void statuspageComponentIsJudgedByName() {
        ProbeDefinition probe = HTTP.withKind(ProbeKind.STATUSPAGE, "http://x/api/v2/summary.json")
                .withConditions(null, null, null, "Checkout");
        String summary = "{\"status\":{\"indicator\":\"minor\"},\"components\":["
                + "{\"name\":\"Admin\",\"status\":\"major_outage\"},{\"name\":\"Checkout\",\"status\":\"%s\"}]}";
        assertThat(StatuspageJudge.judge(probe, 200, bytes(summary.formatted("operational")))
                        .outcome())
                .isEqualTo(ProbeOutcome.OK);
        assertThat(StatuspageJudge.judge(probe, 200, bytes(summary.formatted("degraded_performance")))
                        .outcome())
                .isEqualTo(ProbeOutcome.DEGRADED);
        assertThat(StatuspageJudge.judge(probe, 200, bytes(summary.formatted("under_maintenance")))
                        .outcome())
                .isEqualTo(ProbeOutcome.MAINTENANCE);
        assertThat(StatuspageJudge.judge(probe, 200, bytes(summary.formatted("partial_outage")))
                        .outcome())
                .isEqualTo(ProbeOutcome.FAILED);
        assertThat(StatuspageJudge.judge(probe, 200, bytes(summary.formatted("major_outage")))
                        .severity())
                .isEqualTo(Severity.MAJOR);
    }

    @Test
    void statuspageMaintenanceIsUnderstoodInEachOfItsForms() {
        ProbeDefinition page = HTTP.withKind(ProbeKind.STATUSPAGE, "http://x/api/v2/summary.json");
        assertThat(StatuspageJudge.judge(page, 200, bytes("{\"status\":{\"indicator\":\"maintenance\"}}"))
                        .outcome())
                .isEqualTo(ProbeOutcome.MAINTENANCE);
        String scheduled = "{\"status\":{\"indicator\":\"major\"},\"components\":[{\"name\":\"Checkout\",\"status\":"
                + "\"major_outage\"}],\"scheduled_maintenances\":[{\"name\":\"DB upgrade\",\"status\":\"%s\","
                + "\"components\":[{\"name\":\"Checkout\"}]}]}";
        assertThat(StatuspageJudge.judge(page, 200, bytes(scheduled.formatted("in_progress")))
                        .outcome())
                .as("planned downtime explains the major indicator")
                .isEqualTo(ProbeOutcome.MAINTENANCE);
        assertThat(StatuspageJudge.judge(page, 200, bytes(scheduled.formatted("scheduled")))
                        .outcome())
                .as("a maintenance not begun yet explains nothing")
                .isEqualTo(ProbeOutcome.FAILED);
        ProbeDefinition checkout = page.withConditions(null, null, null, "Checkout");
        ProbeDefinition admin = page.withConditions(null, null, null, "Admin");
        assertThat(StatuspageJudge.judge(checkout, 200, bytes(scheduled.formatted("in_progress")))
                        .outcome())
                .isEqualTo(ProbeOutcome.MAINTENANCE);
        String adminDown = scheduled.replace(
                "[{\"name\":\"Checkout\",\"status\":\"major_outage\"}]",
                "[{\"name\":\"Checkout\",\"status\":\"major_outage\"},{\"name\":\"Admin\",\"status\":\"major_outage\"}]");
        assertThat(StatuspageJudge.judge(admin, 200, bytes(adminDown.formatted("in_progress")))
                        .outcome())
                .as("the maintenance touches Checkout only")
                .isEqualTo(ProbeOutcome.FAILED);
    }

    @Test
    void anUnreadableStatusDocumentNeverDeclaresAnOutage() {
        ProbeDefinition statuspage = HTTP.withKind(ProbeKind.STATUSPAGE, "http://x/api/v2/status.json");
        ProbeDefinition meta = HTTP.withKind(ProbeKind.META_STATUS, "http://x/meta.json");
        for (String garbage : new String[] {"", "not json", "[1,2,3]", "{\"unexpected\":true}", "{\"status\":42}"}) {
            assertThat(StatuspageJudge.judge(statuspage, 200, bytes(garbage)).outcome())
                    .isEqualTo(ProbeOutcome.DEGRADED);
            assertThat(MetaStatusJudge.judge(meta, 200, bytes(garbage)).outcome())
                    .isEqualTo(ProbeOutcome.DEGRADED);
        }
    }

    @Test
    void metaStatusFindsTheOrgAnywhereAndReadsItsStatus() {
        ProbeDefinition meta = HTTP.withKind(ProbeKind.META_STATUS, "http://x/meta.json")
                .withConditions(null, null, null, "Instagram");
        String doc = "{\"data\":{\"orgs\":[{\"name\":\"Facebook\",\"status\":\"Major Outage\"},"
                + "{\"name\":\"Instagram\",\"status\":\"%s\",\"outages\":%s}]}}";
        assertThat(MetaStatusJudge.judge(meta, 200, bytes(doc.formatted("Operational", "[]")))
                        .outcome())
                .isEqualTo(ProbeOutcome.OK);
        assertThat(MetaStatusJudge.judge(meta, 200, bytes(doc.formatted("Major Outage", "[]")))
                        .outcome())
                .isEqualTo(ProbeOutcome.FAILED);
        assertThat(MetaStatusJudge.judge(meta, 200, bytes(doc.formatted("Degraded Performance", "[]")))
                        .outcome())
                .isEqualTo(ProbeOutcome.DEGRADED);
        assertThat(MetaStatusJudge.judge(
                                meta,
                                200,
                                bytes(doc.formatted(
                                        "Operational", "[{\"start\":\"2024-03-05T15:00:00Z\",\"end\":null}]")))
                        .outcome())
                .as("an open outage in the history wins over a stale status word")
                .isEqualTo(ProbeOutcome.FAILED);
    }
}
