package dev.lifeline.kit.egress;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressGuardTest {

    private static InetAddress ip(String text) {
        return AddressPolicy.literal(text).orElseThrow();
    }

    private static final Map<String, List<InetAddress>> ZONE = Map.of(
            "shop.example", List.of(ip("93.184.216.34")),
            "mixed.example", List.of(ip("93.184.216.34"), ip("10.0.0.7")),
            "metadata.example", List.of(ip("169.254.169.254")),
            "simulator.local", List.of(ip("127.0.0.1")));

    private static final EgressResolver RESOLVER = host -> {
        List<InetAddress> answer = ZONE.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        return answer;
    };

    private final EgressGuard strict = new EgressGuard(List.of(), List.of(), RESOLVER);

    @Test
    void aNameResolvingToAPublicAddressIsAllowed() throws Exception {
        assertThat(strict.resolve("shop.example")).isEqualTo(ip("93.184.216.34"));
        assertThat(strict.refusal("shop.example")).isEmpty();
    }

    @Test
    void aNameWithOneInternalAddressAmongPublicOnesIsRefused() {
        assertThatThrownBy(() -> strict.resolveAll("mixed.example"))
                .isInstanceOf(EgressRefused.class)
                .hasMessage("mixed.example resolves to 10.0.0.7, a private address");
    }

    @Test
    void theCloudMetadataAddressIsRefusedByNameAndAsALiteral() {
        assertThat(strict.refusal("metadata.example"))
                .contains("metadata.example resolves to 169.254.169.254, a link-local address");
        assertThat(strict.refusal("169.254.169.254")).contains("169.254.169.254 is a link-local address");
        assertThat(strict.refusal("[::ffff:a9fe:a9fe]")).isPresent();
    }

    @Test
    void aNameThatDoesNotResolveYetIsAcceptedAtSaveButCannotBeReached() {
        assertThat(strict.refusal("not-yet.example")).isEmpty();
        assertThatThrownBy(() -> strict.resolve("not-yet.example")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void theOperatorCanAllowANamedHost() throws Exception {
        EgressGuard guard = new EgressGuard(List.of("Simulator.Local"), List.of(), RESOLVER);
        assertThat(guard.resolve("simulator.local")).isEqualTo(ip("127.0.0.1"));
        assertThat(guard.refusal("127.0.0.1"))
                .as("the allowed name, not its address")
                .isPresent();
    }

    @Test
    void theOperatorCanAllowARange() throws Exception {
        EgressGuard guard = new EgressGuard(List.of(), List.of("127.0.0.0/8", "::1/128"), RESOLVER);
        assertThat(guard.resolve("simulator.local")).isEqualTo(ip("127.0.0.1"));
        assertThat(guard.refusal("[::1]")).isEmpty();
        assertThat(guard.refusal("10.0.0.1")).isPresent();
        assertThat(guard.refusal("metadata.example")).isPresent();
    }

    @Test
    void aMalformedAllowedRangeIsAConfigurationError() {
        assertThatThrownBy(() -> new EgressGuard(List.of(), List.of("localhost/8"), RESOLVER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EgressGuard(List.of(), List.of("10.0.0.0/33"), RESOLVER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
