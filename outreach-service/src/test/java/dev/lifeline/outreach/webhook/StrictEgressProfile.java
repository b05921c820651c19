package dev.lifeline.outreach.webhook;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Production's egress policy: the %test loopback allowance is replaced by a documentation range nobody uses. */
public class StrictEgressProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("lifeline.egress.allow-cidrs", "192.0.2.0/24");
    }
}
