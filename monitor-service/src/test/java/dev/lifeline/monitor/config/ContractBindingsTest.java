package dev.lifeline.monitor.config;

import dev.lifeline.events.Topics;
import dev.lifeline.monitor.catalog.CatalogDefaults;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel bindings of this service name the topics of the shared contract, and the AsyncAPI document lists ours. */
class ContractBindingsTest {

    private static Properties applicationProperties() throws Exception {
        Properties props = new Properties();
        try (InputStream in = ContractBindingsTest.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        return props;
    }

    @Test
    void channelsAreBoundToTheContractTopics() throws Exception {
        Properties props = applicationProperties();
        assertThat(props.getProperty("mp.messaging.outgoing.outbox.topic")).isEqualTo(Topics.PLATFORM_OUTAGES);
        assertThat(props.getProperty("lifeline.outbox.topics"))
                .isEqualTo(Topics.PLATFORM_OUTAGES + "," + Topics.TENANT_DEPENDENCIES);
        assertThat(props.getProperty("mp.messaging.incoming.tenants-in.topic")).isEqualTo(Topics.TENANTS);
        assertThat(props.getProperty("mp.messaging.incoming.tenants-in.dead-letter-queue.topic"))
                .isEqualTo(Topics.deadLetter(Topics.TENANTS));
    }

    @Test
    void theAsyncApiDocumentDescribesWhatWePublish() throws Exception {
        String doc;
        try (InputStream in = Topics.class.getResourceAsStream("/dev/lifeline/events/asyncapi.yaml")) {
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(doc)
                .contains("address: " + Topics.PLATFORM_OUTAGES)
                .contains("outageStarted")
                .contains("outageUpdated")
                .contains("outageResolved");
    }

    @Test
    void theCatalogueNeverProbesTheInternetOutsideProduction() throws Exception {
        Properties props = applicationProperties();
        assertThat(props.getProperty("lifeline.monitor.catalog-mode")).isEqualTo("simulator");
        assertThat(props.getProperty("%test.lifeline.monitor.catalog-mode")).isEqualTo("disabled");
        assertThat(CatalogDefaults.probes(
                        MonitorConfig.CatalogMode.SIMULATOR,
                        "http://localhost:8084",
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(3)))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.target()).startsWith("http://localhost:8084/"));
    }
}
