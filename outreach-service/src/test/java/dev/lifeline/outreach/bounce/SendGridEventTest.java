package dev.lifeline.outreach.bounce;

import dev.lifeline.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendGridEventTest {

    private static List<SendGridEvent> parse(String json) {
        return SendGridEvent.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendGridsDeliveryEventsBecomeReceiptsAndEngagementEventsDoNot() {
        List<SendGridEvent> events = parse("""
                [{"email":"a@example.com","timestamp":1764669600,"smtp-id":"<r.c@outreach.lifeline>","event":"processed",
                  "sg_event_id":"e1","sg_message_id":"m1.filter0001"},
                 {"email":"a@example.com","timestamp":1764669601,"smtp-id":"<r.c@outreach.lifeline>","event":"delivered",
                  "response":"250 OK","sg_event_id":"e2","sg_message_id":"m1.filter0001","lifeline_ref":"ref-1"},
                 {"email":"b@example.com","timestamp":1764669602,"smtp-id":"<r.d@outreach.lifeline>","event":"bounce",
                  "bounce_classification":"Invalid Address","reason":"500 unknown recipient","status":"5.0.0",
                  "type":"bounce","sg_event_id":"e3","sg_message_id":"m2.filter0001"},
                 {"email":"c@example.com","timestamp":1764669603,"event":"bounce","type":"blocked","status":"5.7.1",
                  "reason":"blocked by policy","sg_event_id":"e4","sg_message_id":"m3.filter0001"},
                 {"email":"d@example.com","timestamp":1764669604,"event":"dropped","reason":"Bounced Address",
                  "sg_event_id":"e5","sg_message_id":"m4.filter0001"},
                 {"email":"e@example.com","timestamp":1764669605,"event":"spamreport","sg_event_id":"e6",
                  "sg_message_id":"m5.filter0001"},
                 {"email":"e@example.com","timestamp":1764669606,"event":"open","sg_machine_open":false,"useragent":"x",
                  "ip":"203.0.113.1","sg_event_id":"e7","sg_message_id":"m5.filter0001"}]
                """);
        assertThat(events)
                .extracting(SendGridEvent::receipt)
                .containsExactly(
                        null,
                        EmailReceipt.DELIVERED,
                        EmailReceipt.BOUNCED,
                        EmailReceipt.UNDELIVERED,
                        EmailReceipt.UNDELIVERED,
                        EmailReceipt.COMPLAINED,
                        null);
        assertThat(events.get(1).ref()).isEqualTo("ref-1");
        assertThat(events.get(2).smtpId()).isEqualTo("<r.d@outreach.lifeline>");
        assertThat(events.get(2).error()).isEqualTo("sendgrid bounce bounce 5.0.0");
        assertThat(events.get(3).error()).isEqualTo("sendgrid bounce blocked 5.7.1");
        assertThat(events)
                .extracting(SendGridEvent::error)
                .allSatisfy(error -> assertThat(String.valueOf(error))
                        .doesNotContain("@example.com")
                        .doesNotContain("unknown recipient"));
    }

    @Test
    void aMalformedPostIsRefusedNamingTheFieldAndNothingOfItIsKept() {
        assertField("", "body");
        assertField("{\"event\":\"delivered\"}", "body");
        assertField("[{\"event\":\"delivered\"", "body");
        assertField("[1]", "[0]");
        assertField("[{\"event\":\"delivered\"},{\"email\":\"x@example.com\"}]", "[1].event");
        assertField("[{\"event\":42}]", "[0].event");
        assertField("[{\"event\":\"delivered\",\"smtp-id\":{\"a\":1}}]", "[0].smtp-id");
        assertField("[{\"event\":\"bounce\",\"type\":[\"bounce\"]}]", "[0].type");
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).extracting(error -> error.field()).containsExactly(field);
        });
    }
}
