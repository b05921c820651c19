package dev.lifeline.kit.egress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, loopback",
        "127.255.255.254, loopback",
        "10.0.0.1, private",
        "10.255.255.255, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "100.64.0.1, carrier-grade NAT",
        "100.127.255.255, carrier-grade NAT",
        "169.254.169.254, link-local",
        "169.254.0.1, link-local",
        "224.0.0.1, multicast",
        "239.255.255.250, multicast",
        "0.0.0.0, unspecified",
        "0.1.2.3, unspecified",
        "255.255.255.255, broadcast",
        "240.0.0.1, reserved",
        "192.0.0.8, IETF protocol assignment",
        "198.18.0.1, benchmarking",
        "::1, loopback",
        "::, unspecified",
        "fc00::1, unique local",
        "fd12:3456:789a::1, unique local",
        "fe80::1, link-local",
        "febf:ffff::1, link-local",
        "fec0::1, site-local",
        "ff02::1, multicast",
        "64:ff9b:1::1, local NAT64",
        "::127.0.0.1, loopback (embedded in IPv6)",
        "::10.1.2.3, private (embedded in IPv6)",
        "64:ff9b::7f00:1, loopback (embedded in IPv6)",
        "64:ff9b::a9fe:a9fe, link-local (embedded in IPv6)",
        "2002:7f00:1::1, loopback (embedded in IPv6)",
        "2002:c0a8:101::1, private (embedded in IPv6)",
        "2001:0:7f00:1::1, loopback (embedded in IPv6)",
    })
    void internalAddressesAreNamedByTheirRange(String address, String range) throws Exception {
        assertThat(AddressPolicy.internalRange(InetAddress.getByName(address))).contains(range);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:192.168.0.1",
                "::ffff:100.64.0.1",
                "::ffff:0.0.0.0"
            })
    void ipv4MappedAddressesAreJudgedByTheAddressTheyCarry(String mapped) throws Exception {
        InetAddress parsed = InetAddress.getByName(mapped);
        assertThat(AddressPolicy.isInternal(parsed)).isTrue();
        // The JDK turns a mapped literal into IPv4; an IPv6 object holding the same bytes must be judged the same.
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(parsed.getAddress(), 0, v6, 12, 4);
        assertThat(AddressPolicy.isInternal(Inet6Address.getByAddress(null, v6, -1)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "172.32.0.1",
                "172.15.255.255",
                "100.128.0.1",
                "100.63.255.255",
                "169.255.0.1",
                "192.169.0.1",
                "11.0.0.1",
                "223.255.255.255",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1",
                "fbff::1",
                "fe00::1"
            })
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(AddressPolicy.internalRange(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "[::1], true",
        "::ffff:127.0.0.1, true",
        "localhost, false",
        "example.com, false",
        "999.1.1.1, false"
    })
    void literalsAreParsedWithoutDns(String text, boolean literal) {
        assertThat(AddressPolicy.literal(text).isPresent()).isEqualTo(literal);
    }
}
