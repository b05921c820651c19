package dev.lifeline.kit.egress;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/**
 * The operator's exceptions to the egress policy. Production leaves both empty; the local run and tests allow the
 * loopback simulator and test servers.
 */
@ConfigMapping(prefix = "lifeline.egress")
public interface EgressConfig {

    /** Host names (exact, case-insensitive) a tenant target may name whatever they resolve to. */
    Optional<List<String>> allowHosts();

    /** Address ranges (CIDR, IPv4 or IPv6) a tenant target may reach although they are internal. */
    Optional<List<String>> allowCidrs();
}
