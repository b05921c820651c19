package dev.lifeline.contact.profile;

import dev.lifeline.contact.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates that arrive together each get their own answer, and one person created many times at once is one contact. */
@QuarkusTest
class ConcurrentCreatesTest {

    @Test
    void aBadRequestAmongConcurrentCreatesFailsAloneAndTheOthersAreStored() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        String run = Api.unique();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                Map<String, Object> body = i == 20
                        ? Map.of("name", "No address", "consents", Map.of("email", true))
                        : Map.of(
                                "name",
                                "Person " + i,
                                "email",
                                "p" + i + "-" + run + "@example.org",
                                "consents",
                                Map.of("email", true));
                answers.add(pool.submit(() -> tenant.as().body(body).post("/api/v1/contacts")));
            }
            for (int i = 0; i < answers.size(); i++) {
                Response answer = answers.get(i).get();
                if (i == 20) {
                    assertThat(answer.statusCode()).isEqualTo(400);
                    assertThat(answer.<String>path("errors[0].field")).isEqualTo("email");
                } else {
                    assertThat(answer.statusCode()).as("create %d", i).isEqualTo(201);
                    tenant.as()
                            .get("/api/v1/contacts/" + answer.<String>path("id"))
                            .then()
                            .statusCode(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSamePersonCreatedManyTimesAtOnceIsOneContact() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        String email = "same-" + Api.unique() + "@example.org";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(
                        () -> tenant.as().body(Map.of("email", email)).post("/api/v1/contacts")));
            }
            List<String> ids = new ArrayList<>();
            int created = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).isIn(200, 201);
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(response.path("id"));
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }
}
