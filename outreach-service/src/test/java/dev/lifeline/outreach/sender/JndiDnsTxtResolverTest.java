package dev.lifeline.outreach.sender;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production resolver against a real DNS exchange: a small UDP DNS server on loopback that answers TXT queries
 * as a DNS provider would publish a DKIM key, in one character-string or split into several. A Quarkus test, so that
 * it runs as in production: with Quarkus' JNDI initial contexts disabled.
 */
@QuarkusTest
class JndiDnsTxtResolverTest {

    private static final String KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + "x".repeat(300) + "IDAQAB";
    private static final Map<String, List<String>> ZONE = Map.of(
            "one._domainkey.shop.example", List.of("v=DKIM1; k=rsa; p=" + KEY.substring(0, 200)),
            "split._domainkey.shop.example", List.of("v=DKIM1; k=rsa; p=" + KEY.substring(0, 200), KEY.substring(200)),
            "nospace._domainkey.shop.example", List.of("v=DKIM1;k=rsa;p=" + KEY.substring(0, 100), KEY.substring(100)));

    private static DatagramSocket socket;
    private static JndiDnsTxtResolver resolver;

    @BeforeAll
    static void server() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread server = new Thread(JndiDnsTxtResolverTest::serve, "fake-dns");
        server.setDaemon(true);
        server.start();
        resolver = new JndiDnsTxtResolver("dns://127.0.0.1:" + socket.getLocalPort());
    }

    @AfterAll
    static void stop() {
        socket.close();
    }

    @Test
    void aRecordInOneStringIsReadAsPublished() {
        assertThat(resolver.txt("one._domainkey.shop.example"))
                .containsExactly("v=DKIM1; k=rsa; p=" + KEY.substring(0, 200));
    }

    @Test
    void aRecordSplitIntoSeveralStringsIsReadAsTheirConcatenationAndMatchesTheKey() {
        List<String> values = resolver.txt("split._domainkey.shop.example");

        assertThat(values).hasSize(1);
        assertThat(DkimRecord.publishes(values.get(0), KEY)).isTrue();
        assertThat(DkimRecord.publishes(
                        resolver.txt("nospace._domainkey.shop.example").get(0), KEY))
                .isTrue();
    }

    @Test
    void aNameWithoutRecordsHasNone() {
        assertThat(resolver.txt("missing._domainkey.shop.example")).isEmpty();
    }

    /** Answers each query from {@link #ZONE}: TXT records, or NXDOMAIN. */
    private static void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] answer = answer(Arrays.copyOf(query.getData(), query.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
            } catch (Exception e) {
                return;
            }
        }
    }

    private static byte[] answer(byte[] query) {
        int end = 12;
        StringBuilder name = new StringBuilder();
        while (query[end] != 0) {
            int length = query[end];
            name.append(name.isEmpty() ? "" : ".")
                    .append(new String(query, end + 1, length, StandardCharsets.US_ASCII));
            end += length + 1;
        }
        int questionEnd = end + 5;
        List<String> records = ZONE.get(name.toString().toLowerCase());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query[0]);
        out.write(query[1]);
        out.write(0x81);
        out.write(records == null ? 0x83 : 0x80);
        out.writeBytes(new byte[] {0, 1, 0, (byte) (records == null ? 0 : 1), 0, 0, 0, 0});
        out.write(query, 12, questionEnd - 12);
        if (records != null) {
            ByteArrayOutputStream rdata = new ByteArrayOutputStream();
            for (String part : records) {
                byte[] bytes = part.getBytes(StandardCharsets.US_ASCII);
                rdata.write(bytes.length);
                rdata.writeBytes(bytes);
            }
            out.writeBytes(new byte[] {(byte) 0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60});
            out.write(rdata.size() >> 8);
            out.write(rdata.size() & 0xff);
            out.writeBytes(rdata.toByteArray());
        }
        return out.toByteArray();
    }
}
