package dev.lifeline.localstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {

    @TempDir
    static Path dir;

    static Path jar;

    @BeforeAll
    static void buildJar() throws Exception {
        jar = FakeServiceJar.create(dir);
    }

    @Test
    void startsTheJarWithTheGivenPropertiesAwaitsReadinessAndStopsGracefully() throws Exception {
        Path log = dir.resolve("logs/graceful.log");
        ServiceProcess service = ServiceProcess.start("graceful", jar, 0, Map.of("fake.greeting", "hi there"), log);
        try {
            service.awaitReady(Duration.ofSeconds(30));
            assertThat(service.isAlive()).isTrue();
            assertThat(service.pid()).isPositive();
            assertThat(service.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(ProcessHandle.of(service.pid())
                            .flatMap(h -> h.info().arguments())
                            .orElseThrow())
                    .contains("-Xmx256m", "-Dfake.greeting=hi there", "-Dquarkus.http.port=" + service.httpPort());
        } finally {
            service.stop();
        }
        assertThat(service.isAlive()).isFalse();
        assertThat(Files.readString(log)).contains("fake.greeting=hi there").contains("fake service stopping");
    }

    @Test
    void killEndsTheProcessWithoutItsShutdownHooks() throws Exception {
        Path log = dir.resolve("logs/killed.log");
        ServiceProcess service = ServiceProcess.start("killed", jar, 0, Map.of(), log);
        service.awaitReady(Duration.ofSeconds(30));
        service.kill();
        assertThat(service.isAlive()).isFalse();
        assertThat(Files.readString(log)).doesNotContain("fake service stopping");
    }

    @Test
    void aProcessThatDiesBeforeReadinessFailsFastWithItsLog() {
        ServiceProcess service =
                ServiceProcess.start("dying", jar, 0, Map.of("fake.exit-code", "3"), dir.resolve("dying.log"));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dying exited with code 3")
                .hasMessageContaining("fake service failing on purpose");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aServiceThatIsNotReadyInTimeFailsWithItsLog() {
        ServiceProcess service =
                ServiceProcess.start("slow", jar, 0, Map.of("fake.ready-delay-ms", "60000"), dir.resolve("slow.log"));
        try {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(4)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("slow not ready")
                    .hasMessageContaining("HTTP 503");
        } finally {
            service.stop();
        }
    }

    @Test
    void aMissingJarIsAClearError() {
        assertThatThrownBy(
                        () -> ServiceProcess.start("ghost", dir.resolve("nope.jar"), 0, Map.of(), dir.resolve("g.log")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("build the service first");
    }
}
