package dev.lifeline.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    @Test
    void aBodyIsOneJsonValueWithNothingAfterIt() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        assertThat(mapper.readValue("  {\"name\":\"Ada\"}\n ", JsonNode.class)
                        .path("name")
                        .asText())
                .isEqualTo("Ada");
        for (String body : new String[] {"{\"name\":\"Ada\"} garbage", "{\"name\":\"Ada\"}}", "{}{}", "[1] 2"}) {
            assertThatThrownBy(() -> mapper.readValue(body, JsonNode.class))
                    .as(body)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }
}
