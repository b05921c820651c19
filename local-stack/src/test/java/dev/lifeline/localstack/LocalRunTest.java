package dev.lifeline.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRunTest {

    @Test
    void serviceConfigFileGivesEveryServiceItsEntries(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("local.properties");
        Files.writeString(
                file,
                "# local-only stand-ins\nlifeline.admin-key=local-admin-key\nlifeline.monitor.catalog-mode = simulator\n");
        assertThat(LocalRun.serviceConfig(file.toString()))
                .containsExactly(
                        Map.entry("lifeline.admin-key", "local-admin-key"),
                        Map.entry("lifeline.monitor.catalog-mode", "simulator"));
        assertThat(LocalRun.serviceConfig(null)).isEmpty();
        assertThatThrownBy(() ->
                        LocalRun.serviceConfig(dir.resolve("missing.properties").toString()))
                .hasMessageContaining("missing.properties");
    }

    @Test
    void servicesAreParsedFromNameJarPortDatabase() {
        assertThat(
                        LocalRun.Service.parseAll(
                                "contact-service=contact-service/target/quarkus-app/quarkus-run.jar=8081=contact, outreach=o.jar=8083=outreach"))
                .containsExactly(
                        new LocalRun.Service(
                                "contact-service",
                                Path.of("contact-service/target/quarkus-app/quarkus-run.jar"),
                                8081,
                                "contact"),
                        new LocalRun.Service("outreach", Path.of("o.jar"), 8083, "outreach"));
        assertThat(LocalRun.Service.parseAll("")).isEmpty();
        assertThat(LocalRun.Service.parseAll(null)).isEmpty();
        assertThatThrownBy(() -> LocalRun.Service.parseAll("contact=jar=8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name=path/to/quarkus-run.jar=port=database");
        assertThatThrownBy(() -> LocalRun.Service.parseAll("contact=jar=http=contact"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a port");
    }

    @Test
    void theBannerIsAFileOrAClasspathResource(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("banner.txt");
        Files.writeString(file, "curl -s localhost:8081/contacts\n");
        assertThat(LocalRun.bannerResource(file.toString())).isEqualTo("curl -s localhost:8081/contacts\n");
        assertThat(LocalRun.bannerResource("test-banner.txt")).startsWith("# try it");
        assertThat(LocalRun.bannerResource("/test-banner.txt")).startsWith("# try it");
        assertThat(LocalRun.bannerResource("nowhere.txt")).isNull();
        assertThat(LocalRun.bannerResource("")).isNull();
    }

    /** The developer's view: one command, a banner with working URLs, and Ctrl-C leaves nothing behind. */
    @Test
    void runsTheStackAndAServiceThenStopsEverythingOnSigterm(@TempDir Path dir) throws Exception {
        Path jar = FakeServiceJar.create(dir);
        Path dataDir = dir.resolve("local-run");
        Path banner = dir.resolve("curls.txt");
        Files.writeString(banner, "curl -s http://127.0.0.1:PORT/contacts   # BANNER-END\n");
        int servicePort = FreePort.pick();
        int pgPort = FreePort.pick();

        List<String> command = List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx512m",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dlifeline.services=fake=" + jar + "=" + servicePort + "=fakedb",
                "-Dlifeline.banner=" + banner,
                "-Dlifeline.kafka.port=" + FreePort.pick(),
                "-Dlifeline.postgres.port=" + pgPort,
                "-Dlifeline.smtp.port=" + FreePort.pick(),
                "-Dlifeline.mail-web.port=" + FreePort.pick(),
                "-Dlifeline.data-dir=" + dataDir,
                LocalRun.class.getName());
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            CompletableFuture<Boolean> bannerShown =
                    CompletableFuture.supplyAsync(() -> readUntil(run, output, "BANNER-END"));
            assertThat(bannerShown.get(90, TimeUnit.SECONDS))
                    .as("banner; output so far:\n%s", output)
                    .isTrue();
            String all = String.join("\n", output);
            assertThat(all)
                    .contains("http://127.0.0.1:" + servicePort + "/q/swagger-ui")
                    .contains("curl -s http://127.0.0.1:PORT/contacts");

            Matcher health = Pattern.compile("health\\s+(http://\\S+)").matcher(all);
            assertThat(health.find()).as("a health URL in the banner").isTrue();
            assertThat(health.group(1)).doesNotContain(":" + servicePort + "/");
            assertThat(status(health.group(1))).isEqualTo(200);
            Matcher mailWeb = Pattern.compile("mail catcher\\s+(http://\\S+)").matcher(all);
            assertThat(mailWeb.find()).isTrue();
            assertThat(status(mailWeb.group(1))).isEqualTo(200);
            assertThat(Files.readString(dataDir.resolve("logs/fake.log")))
                    .containsPattern("kafka.bootstrap.servers=127\\.0\\.0\\.1:\\d+");
            List<ProcessHandle> children = run.descendants().toList();
            assertThat(children).isNotEmpty();

            run.destroy(); // SIGTERM, as Ctrl-C would
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(15, TimeUnit.SECONDS);
            }
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThatThrownBy(() -> new Socket("127.0.0.1", pgPort).close()).isInstanceOf(ConnectException.class);
            assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
            assertThat(dataDir.resolve("kafka/meta.properties")).exists();
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    private static boolean readUntil(Process process, List<String> output, String marker) {
        try {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.contains(marker)) {
                    // keep draining so the child never blocks on a full pipe
                    CompletableFuture.runAsync(() -> in.lines().forEach(l -> {}));
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
