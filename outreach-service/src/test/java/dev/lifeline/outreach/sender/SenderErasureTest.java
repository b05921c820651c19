package dev.lifeline.outreach.sender;

import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.lifeline.outreach.sender.SenderSetup.putSender;
import static dev.lifeline.outreach.sender.SenderSetup.verifiedDomain;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A business that deletes itself leaves no sender identity, domain or DKIM key (private keys included) behind. */
@QuarkusTest
class SenderErasureTest {

    private static final List<String> TABLES = List.of("sender_identity", "sending_domain", "dkim_key");

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Test
    void aDeletedBusinessLosesItsSenderIdentityDomainsAndKeysAndAnotherKeepsItsOwn() {
        var kafka = TestBus.companion(stack.kafka().bootstrapServers());
        String gone = "t-" + TestBus.uid();
        String stays = "t-" + TestBus.uid();
        for (String tenant : List.of(gone, stays)) {
            String key = TestBus.newTenant(kafka, tenant);
            String id = verifiedDomain(key, "erase.shop.example");
            given().auth()
                    .oauth2(key)
                    .post("/api/v1/tenant/sending-domains/{id}/keys", id)
                    .then()
                    .statusCode(201);
            putSender(key, "Shop", "news@erase.shop.example", "hello@erase.shop.example")
                    .statusCode(200);
        }
        TABLES.forEach(t -> assertThat(count(t, gone)).as(t).isPositive());

        TestBus.send(kafka, Topics.TENANTS, new TenantDeleted(gone, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> TABLES.stream().allMatch(t -> count(t, gone) == 0));
        assertThat(count("dkim_key", stays)).isEqualTo(2);
        assertThat(count("sending_domain", stays)).isEqualTo(1);
        assertThat(count("sender_identity", stays)).isEqualTo(1);
    }

    private long count(String table, String tenant) {
        return Db.count(db, "select count(*) from " + table + " where tenant_id = ?", tenant);
    }
}
