package dev.lifeline.monitor.egress;

import com.sun.net.httpserver.HttpServer;
import dev.lifeline.monitor.support.TestTenants;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A tenant's probe never reaches inside the network: refused at save when the target is or resolves to an internal
 * address (422 naming target), and at probe time when a name rebinds to loopback or a redirect points there — the
 * refusal is recorded as the probe's error and the internal server is never called.
 */
@QuarkusTest
@TestProfile(StrictEgressProfile.class)
class ProbeEgressTest {

    private static HttpServer internal;
    private static final AtomicInteger internalHits = new AtomicInteger();

    @Inject
    AgroalDataSource dataSource;

    private String key;
    private String platform;

    @BeforeAll
    static void startInternalServer() throws Exception {
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = internal.getAddress().getPort();
        internal.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/admin");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        internal.createContext("/admin", ex -> {
            internalHits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        internal.start();
    }

    @AfterAll
    static void stopInternalServer() {
        internal.stop(0);
    }

    @BeforeEach
    void tenantWithPlatform() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenantId = "t-" + suffix;
        key = TestTenants.create(dataSource, tenantId);
        platform = "custom-shop-" + suffix;
        as().body("{\"id\":\"" + platform + "\",\"name\":\"My shop\"}")
                .when()
                .post("/api/v1/tenant/platforms")
                .then()
                .statusCode(201);
    }

    private RequestSpecification as() {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    private String probe(String type, String target) {
        return "{\"type\":\"" + type + "\",\"target\":\"" + target + "\",\"interval\":\"1s\",\"timeout\":\"800ms\","
                + "\"retries\":2}";
    }

    private static int port() {
        return internal.getAddress().getPort();
    }

    @Test
    void aProbeOfAnInternalAddressIsRefusedAtSaveNamingTheTarget() {
        List<String[]> refused = List.of(
                new String[] {"http", "http://127.0.0.1:" + port() + "/admin", "loopback"},
                new String[] {"http", "http://localhost:" + port() + "/admin", "localhost resolves to"},
                new String[] {"http", "http://[::1]/", "loopback"},
                new String[] {"http", "http://[::ffff:127.0.0.1]/", "loopback"},
                new String[] {"http", "http://169.254.169.254/latest/meta-data/", "link-local"},
                new String[] {"statuspage", "https://10.0.0.8/api/v2/summary.json", "private"},
                new String[] {"meta-status", "http://192.168.1.1/status.json", "private"},
                new String[] {"http", "http://100.64.0.1/", "carrier-grade NAT"},
                new String[] {"http", "http://0.0.0.0:" + port() + "/", "unspecified"},
                new String[] {"http", "http://[fd00::1]/", "unique local"},
                new String[] {"dns", "localhost", "localhost resolves to"},
                new String[] {"tcp", "localhost:5432", "localhost resolves to"},
                new String[] {"tcp", "172.16.0.1:6379", "private"});
        for (String[] r : refused) {
            as().body(probe(r[0], r[1]))
                    .when()
                    .post("/api/v1/tenant/platforms/{p}/probes", platform)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("target"))
                    .body("errors[0].message", containsString(r[2]));
        }
        as().when().get("/api/v1/tenant/platforms/{p}/probes", platform).then().body("size()", equalTo(0));
        assertThat(internalHits.get()).isZero();
    }

    @Test
    void aNameThatResolvesPublicAtSaveAndToLoopbackAtProbeTimeIsRefusedAndRecorded() throws Exception {
        ScriptedResolver.script("rebind.test", "93.184.216.34", "127.0.0.1");
        String probeId = as().body(probe("http", "http://rebind.test:" + port() + "/admin"))
                .when()
                .post("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String detail = awaitRefusal(probeId);
        assertThat(detail).isEqualTo("refused: rebind.test resolves to 127.0.0.1, a loopback address");
        assertThat(internalHits.get()).isZero();
    }

    @Test
    void aRedirectFromAnAllowedServerToLoopbackIsRefusedAndRecorded() throws Exception {
        ScriptedResolver.script(StrictEgressProfile.ALLOWED_HOST, "127.0.0.1");
        String probeId = as().body(
                        probe("http", "http://" + StrictEgressProfile.ALLOWED_HOST + ":" + port() + "/redirect"))
                .when()
                .post("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String detail = awaitRefusal(probeId);
        assertThat(detail).isEqualTo("refused: 127.0.0.1 is a loopback address");
        assertThat(internalHits.get()).isZero();
    }

    private String awaitRefusal(String probeId) throws Exception {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !details(probeId).isEmpty()
                        && details(probeId).stream().anyMatch(d -> d.startsWith("refused: ")));
        as().when()
                .delete("/api/v1/tenant/platforms/{p}/probes/{id}", platform, probeId)
                .then()
                .statusCode(204);
        return details(probeId).stream()
                .filter(d -> d.startsWith("refused: "))
                .findFirst()
                .orElseThrow();
    }

    private List<String> details(String probeId) throws Exception {
        return column(probeId, "detail");
    }

    private List<String> column(String probeId, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT " + column + " FROM probe_result WHERE probe_id = ?")) {
            q.setString(1, probeId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
