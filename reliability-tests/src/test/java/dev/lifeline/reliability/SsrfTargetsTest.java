package dev.lifeline.reliability;

import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side request forgery as bad input: a business points its probes and webhooks inside the network (private,
 * carrier-grade NAT, cloud metadata, multicast, unspecified, IPv6 ULA/link-local and IPv4 embedded in IPv6). Every
 * one is refused at save with a 422 naming the field, and nothing is stored. Loopback is not in the list: the
 * suite's system allows it, as the local run does, for the simulator and the test servers.
 */
@Order(31)
class SsrfTargetsTest {

    private static final List<String> HOSTS = List.of(
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "100.64.0.1",
            "169.254.169.254",
            "224.0.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "[fd00::1]",
            "[fe80::1]",
            "[::ffff:10.0.0.1]",
            "[::ffff:169.254.169.254]",
            "[64:ff9b::a9fe:a9fe]",
            "[2002:a00:1::1]");

    private final RunningSystem system = SharedSystem.get();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @Test
    void probesAndWebhooksIntoTheNetworkAreRefusedAtSave() {
        Business shop = Business.signUp(system, "ssrf-" + suffix);
        String platform = "custom-ssrf-" + suffix;
        String platforms = system.monitor().baseUrl() + "/api/v1/tenant/platforms";
        Http.Reply created = Business.eventually(
                Duration.ofSeconds(90),
                () -> Http.post(platforms, shop.auth(), Map.of("id", platform, "name", "SSRF shop")),
                reply -> reply.status() == 201);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        // Outreach learns the tenant's key from tenants.v1: wait until it answers this tenant at all.
        Business.eventually(
                Duration.ofSeconds(90),
                () -> Http.get(shop.outreach("/api/v1/campaigns"), shop.auth()),
                reply -> reply.status() == 200);

        List<String> accepted = new ArrayList<>();
        long refused = 0;
        long tried = 0;
        for (String host : HOSTS) {
            List<Map<String, Object>> probes = new ArrayList<>(List.of(
                    Map.of("type", "http", "target", "http://" + host + "/latest/meta-data/"),
                    Map.of("type", "statuspage", "target", "https://" + host + "/api/v2/summary.json"),
                    Map.of("type", "meta-status", "target", "http://" + host + ":8080/status.json")));
            if (!host.startsWith("[")) {
                // tcp and dns targets are host names or IPv4 literals (an IPv6 literal there is a 400, not this test)
                probes.add(Map.of("type", "tcp", "target", host + ":5432"));
                probes.add(Map.of("type", "dns", "target", host));
            }
            for (Map<String, Object> probe : probes) {
                tried++;
                Http.Reply reply = Http.post(platforms + "/" + platform + "/probes", shop.auth(), probe);
                if (isRefusal(reply, "target")) {
                    refused++;
                } else {
                    accepted.add(probe + " -> " + reply.status());
                }
            }
            tried++;
            Http.Reply hook = Http.post(
                    shop.outreach("/api/v1/campaigns"),
                    shop.auth(),
                    Map.of(
                            "name",
                            "SSRF hook",
                            "platformId",
                            platform,
                            "channel",
                            "webhook",
                            "webhookUrl",
                            "http://" + host + "/hook",
                            "webhookSecret",
                            "whsec-" + suffix,
                            "gracePeriod",
                            "PT0S"));
            if (isRefusal(hook, "webhookUrl")) {
                refused++;
            } else {
                accepted.add("webhook " + host + " -> " + hook.status());
            }
        }
        Results.add(Results.SSRF_REFUSED, refused);
        Results.add(Results.BAD_INPUTS_TRIED, tried);

        assertThat(accepted)
                .as("internal targets that were not refused with a 422 naming the field")
                .isEmpty();
        Http.Reply stored = Http.get(platforms + "/" + platform + "/probes", shop.auth());
        assertThat(stored.body().size()).as(stored.raw()).isZero();
        Http.Reply campaigns = Http.get(shop.outreach("/api/v1/campaigns"), shop.auth());
        assertThat(campaigns.body().size()).as(campaigns.raw()).isZero();
    }

    private static boolean isRefusal(Http.Reply reply, String field) {
        return reply.status() == 422
                && reply.body() != null
                && field.equals(
                        reply.body().path("errors").path(0).path("field").asText());
    }
}
