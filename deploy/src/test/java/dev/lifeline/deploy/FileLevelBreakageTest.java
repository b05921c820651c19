package dev.lifeline.deploy;

import dev.lifeline.deploy.support.DeployChecks;
import dev.lifeline.deploy.support.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end, as a person would break it: copy deploy/base and deploy/overlays, edit a manifest file,
 * render the copy with `kubectl kustomize` and run every check.
 */
class FileLevelBreakageTest {

    @TempDir
    Path tmp;

    private Path copyOfTheTree() throws IOException {
        Path src = Rendered.deployDir();
        for (String dir : List.of("base", "overlays")) {
            try (Stream<Path> files = Files.walk(src.resolve(dir))) {
                for (Path f : files.toList()) {
                    Path target = tmp.resolve(src.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                }
            }
        }
        return tmp;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static Map<String, List<String>> checks(Path tree, String overlay) {
        Rendered r = Rendered.render(tree.resolve("overlays").resolve(overlay), overlay, false);
        return DeployChecks.all(r, List.of(), Rendered.projectVersion());
    }

    @Test
    void theUnchangedCopyPasses() throws IOException {
        Path tree = copyOfTheTree();
        for (String overlay : List.of("dev", "prod")) {
            assertThat(DeployChecks.report(checks(tree, overlay))).as(overlay).isEmpty();
        }
    }

    @Test
    void removingTheReadinessProbeFromTheBaseFailsBothOverlays() throws IOException {
        Path tree = copyOfTheTree();
        edit(tree.resolve("base/monitor-service/deployment.yaml"), """
                          readinessProbe:
                            httpGet:
                              path: /q/health/ready
                              port: management
                            periodSeconds: 5
                            timeoutSeconds: 2
                            failureThreshold: 3
                """, "");
        for (String overlay : List.of("dev", "prod")) {
            assertThat(
                            checks(tree, overlay)
                                    .get(
                                            "deployments are hardened (probes, limits, non-root, read-only, no escalation, caps dropped)"))
                    .as(overlay)
                    .containsExactly("Deployment/monitor-service container monitor-service: no readinessProbe");
        }
    }

    @Test
    void probingTheApiPortOrRoutingTheIngressToTheManagementPortFailsBothOverlays() throws IOException {
        Path tree = copyOfTheTree();
        edit(tree.resolve("base/outreach-service/deployment.yaml"), """
                          livenessProbe:
                            httpGet:
                              path: /q/health/live
                              port: management
                """, """
                          livenessProbe:
                            httpGet:
                              path: /q/health/live
                              port: http
                """);
        edit(tree.resolve("base/ingress.yaml"), """
                          - path: /unsubscribe
                            pathType: Prefix
                            backend:
                              service:
                                name: outreach-service
                                port:
                                  name: http
                """, """
                          - path: /unsubscribe
                            pathType: Prefix
                            backend:
                              service:
                                name: outreach-service
                                port:
                                  name: management
                """);
        for (String overlay : List.of("dev", "prod")) {
            Map<String, List<String>> results = checks(tree, overlay);
            assertThat(results.get("services probe SmallRye Health and expose metrics on the management port"))
                    .as(overlay)
                    .containsExactly("Deployment/outreach-service: liveness probe port http is not the management port "
                            + "(health answers only on 9000)");
            assertThat(results.get(
                            "Ingress routes only public paths to existing Services, never to the management port"))
                    .as(overlay)
                    .containsExactly("Ingress/lifeline-public path /unsubscribe: routes to port management of "
                            + "Service outreach-service, the management port; that exposes health/metrics publicly");
        }
    }

    @Test
    void deletingADlqTopicAndMisspellingAFieldFail() throws IOException {
        Path tree = copyOfTheTree();
        Path topics = tree.resolve("base/kafka/topics.yaml");
        String text = Files.readString(topics);
        int start = text.indexOf(
                "---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: consent-withdrawals.v1.dlq");
        assertThat(start).isPositive();
        int end = text.indexOf("---", start + 3);
        Files.writeString(topics, text.substring(0, start) + (end < 0 ? "" : text.substring(end)));
        edit(tree.resolve("overlays/prod/patches/databases.yaml"), "enablePodAntiAffinity", "enablePodAntiAfinity");

        Map<String, List<String>> results = checks(tree, "prod");
        assertThat(results.get("topics are well-formed"))
                .containsExactly(
                        "KafkaTopic consent-withdrawals.v1: has no dead-letter topic consent-withdrawals.v1.dlq");
        // one per database: contact-, monitor-, outreach- and console-db
        assertThat(results.get("schemas"))
                .hasSize(4)
                .allSatisfy(e -> assertThat(e).contains("CNPG schema").contains("enablePodAntiAfinity"));
    }
}
