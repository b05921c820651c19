package dev.lifeline.monitor.egress;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Production's egress policy, except one made-up host name the tests' loopback server answers as. */
public class StrictEgressProfile implements QuarkusTestProfile {

    public static final String ALLOWED_HOST = "allowed.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        // 192.0.2.0/24 (documentation range) stands in for "no range": it replaces the %test loopback allowance.
        return Map.of("lifeline.egress.allow-hosts", ALLOWED_HOST, "lifeline.egress.allow-cidrs", "192.0.2.0/24");
    }
}
