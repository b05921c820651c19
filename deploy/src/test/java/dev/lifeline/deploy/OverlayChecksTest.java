package dev.lifeline.deploy;

import dev.lifeline.deploy.support.DeployChecks;
import dev.lifeline.deploy.support.Rendered;
import dev.lifeline.deploy.support.ServiceProperties;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay under deploy/overlays with `kubectl kustomize`, validates every object against
 * its schema and runs every invariant of {@link DeployChecks} against it and against the real services'
 * application.properties (whatever of them exists): one test per overlay and check.
 */
class OverlayChecksTest {

    static final List<ServiceProperties> SERVICES = ServiceProperties.loadAll(Rendered.projectRoot());

    @Test
    void bothOverlaysExist() {
        assertThat(Rendered.overlayNames()).contains("dev", "prod");
    }

    @TestFactory
    List<DynamicContainer> everyOverlayPassesEveryCheck() {
        System.out.println("[deploy] services' application.properties read: "
                + (SERVICES.isEmpty()
                        ? "none yet"
                        : SERVICES.stream().map(s -> s.file().toString()).toList()));
        List<DynamicContainer> overlays = new ArrayList<>();
        for (String name : Rendered.overlayNames()) {
            Rendered r = Rendered.overlay(name);
            Map<String, List<String>> results = DeployChecks.all(r, SERVICES, Rendered.projectVersion());
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(
                    "renders objects", () -> assertThat(r.objects()).isNotEmpty()));
            results.forEach((check, violations) -> tests.add(DynamicTest.dynamicTest(
                    check,
                    () -> assertThat(violations).as("%s: %s", name, check).isEmpty())));
            overlays.add(DynamicContainer.dynamicContainer(name, tests));
        }
        return overlays;
    }
}
