package dev.lifeline.console.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.console.services.FieldProblems;
import dev.lifeline.console.services.ServiceHttp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aValidFormBecomesOutreachsRequest_withTheGracePeriodInIsoAndBothQuietHours() {
        CampaignForm form = new CampaignForm(
                "email", " Fallback ", "any", "Still here", "Hi {contact.firstName}", "", "5", "21:00", "08:00", true);

        assertThat(form.errors()).isEmpty();
        Map<String, Object> request = form.request();
        assertThat(request)
                .containsEntry("name", "Fallback")
                .containsEntry("platformId", "any")
                .containsEntry("channel", "email")
                .containsEntry("gracePeriod", "PT5M")
                .containsEntry("quietHours", Map.of("start", "21:00", "end", "08:00"))
                .containsEntry("htmlBody", null);
    }

    @Test
    void anSmsCampaignNeedsNoSubject() {
        CampaignForm sms = new CampaignForm("sms", "Text", "instagram", null, "We are down", null, "0", "", "", true);

        assertThat(sms.errors()).isEmpty();
        assertThat(sms.request()).doesNotContainKey("subject");
    }

    @Test
    void outreachsProblemJsonLandsNextToTheEditorsFields() throws Exception {
        ServiceHttp.Reply reply = new ServiceHttp.Reply(400, JSON.readTree("""
                {"title":"Bad Request","status":400,"errors":[
                  {"field":"textBody","message":"line 1, column 5: unknown placeholder contact.nope"},
                  {"field":"gracePeriod","message":"must be at most one day"},
                  {"field":"quietHours","message":"needs both start and end (HH:mm)"},
                  {"field":"links.webShop","message":"is not a URL"}]}
                """));

        Map<String, String> errors = CampaignForm.mapped(FieldProblems.of(reply));

        assertThat(errors)
                .containsEntry("textBody", "Line 1, column 5: unknown placeholder contact.nope.")
                .containsEntry("graceMinutes", "Must be at most one day.")
                .containsEntry("quietStart", "Needs both start and end (HH:mm).")
                .containsEntry(FieldProblems.GENERAL, "Links.webShop is not a URL.");
    }

    @Test
    void aProblemThatNamesNoFieldKeepsItsDetail() throws Exception {
        ServiceHttp.Reply reply = new ServiceHttp.Reply(
                404, JSON.readTree("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"campaign not found\"}"));

        assertThat(FieldProblems.of(reply)).containsExactly(Map.entry(FieldProblems.GENERAL, "campaign not found"));
    }
}
