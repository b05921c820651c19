package dev.lifeline.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeline.deploy.support.Json;
import dev.lifeline.deploy.support.Kubectl;
import dev.lifeline.deploy.support.Rendered;
import dev.lifeline.deploy.support.SchemaValidator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/examples render and validate too, and the outage subscriber may read its topic and nothing else. */
class ExamplesTest {

    @Test
    void outageSubscriberIsAValidReadOnlyKafkaUser() {
        List<ObjectNode> objects =
                Json.readYamlDocuments(Kubectl.kustomize(Rendered.deployDir().resolve("examples/outage-subscriber")));
        assertThat(objects).singleElement().satisfies(user -> {
            assertThat(SchemaValidator.validate(user)).isEmpty();
            assertThat(Json.text(user, "kind")).isEqualTo("KafkaUser");
            assertThat(user.at("/spec/authorization/acls").findValuesAsText("name"))
                    .contains("platform-outages.v1");
            user.at("/spec/authorization/acls").forEach(acl -> {
                assertThat(acl.get("operations").toString())
                        .doesNotContain("Write", "All", "Alter", "Delete", "Create");
                if (acl.at("/resource/type").asText().equals("topic")) {
                    assertThat(acl.at("/resource/name").asText()).isEqualTo("platform-outages.v1");
                    assertThat(acl.at("/resource/patternType").asText()).isEqualTo("literal");
                }
            });
        });
        // its Kafka cluster and topic are the production overlay's
        Rendered prod = Rendered.overlay("prod");
        assertThat(prod.find("Kafka", Json.text(objects.get(0), "metadata", "labels", "strimzi.io/cluster")))
                .isPresent();
        assertThat(prod.find("KafkaTopic", "platform-outages.v1")).isPresent();
    }
}
