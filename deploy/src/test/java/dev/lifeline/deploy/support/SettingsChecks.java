package dev.lifeline.deploy.support;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.lifeline.deploy.support.DatabaseChecks.*;
import static dev.lifeline.deploy.support.DeployChecks.*;
import static dev.lifeline.deploy.support.IngressChecks.*;
import static dev.lifeline.deploy.support.KafkaChecks.*;
import static dev.lifeline.deploy.support.PodChecks.*;
import static dev.lifeline.deploy.support.ScalingChecks.*;
import static dev.lifeline.deploy.support.SecretChecks.*;

/** Images and settings: the images the Quarkus build makes, and the runtime settings each service needs to start and to match its manifests. Part of {@link DeployChecks}. */
public final class SettingsChecks {

    private SettingsChecks() {}

    /**
     * The Quarkus build (container-image-jib) names a service's image [registry/]group/name:tag with
     * group = quarkus.container-image.group (default: the OS user name, so it must be set to "lifeline"),
     * name = quarkus.container-image.name (default: the application name), tag = quarkus.container-image.tag
     * (default: the application version, i.e. the Maven project version).
     */
    public static List<String> images(Rendered r, List<ServiceProperties> services, String version) {
        List<String> v = new ArrayList<>();
        Map<String, ServiceProperties> bySvc =
                services.stream().collect(Collectors.toMap(ServiceProperties::service, s -> s));
        for (Deployment d : deployments(r)) {
            if (!isService(d)) {
                continue;
            }
            String svc = d.getMetadata().getName();
            ServiceProperties props = bySvc.get(svc);
            String expected = "lifeline/" + svc + ":" + version;
            if (props != null) {
                Optional<String> group = props.get("quarkus.container-image.group");
                if (group.isEmpty() && props.buildsImage()) {
                    v.add(svc + ": application.properties does not set quarkus.container-image.group=lifeline; "
                            + "the Quarkus build would name the image after the OS user");
                }
                String name = props.get("quarkus.container-image.name")
                        .or(() -> props.get("quarkus.application.name"))
                        .orElse(svc);
                String tag = props.get("quarkus.container-image.tag")
                        .or(() -> props.get("quarkus.application.version"))
                        .orElse(version);
                expected = group.orElse("lifeline") + "/" + name + ":" + tag;
            }
            String image = mainContainer(d).getImage();
            if (image == null || !(image.equals(expected) || image.endsWith("/" + expected))) {
                v.add("Deployment/" + svc + ": image " + image + " is not [registry/]" + expected
                        + ", the image the Quarkus build produces");
            }
        }
        return v;
    }

    /**
     * What the manifests rely on in the running service: it listens on 8080 (QUARKUS_HTTP_PORT in the
     * manifest, else application.properties), its management interface is on, and it serves health and
     * metrics there, under /q, on 9000 (QUARKUS_MANAGEMENT_PORT in the manifest, else application.properties
     * as the prod profile sees it, else Quarkus' default 9000).
     */
    public static List<String> runtimeSettings(Rendered r, List<ServiceProperties> services) {
        List<String> v = new ArrayList<>();
        for (ServiceProperties props : services) {
            Optional<Deployment> dep = deployments(r).stream()
                    .filter(d -> d.getMetadata().getName().equals(props.service()))
                    .findFirst();
            if (dep.isEmpty()) {
                v.add(props.service() + ": has application.properties but no Deployment in overlay " + r.name());
                continue;
            }
            Map<String, String> env = plainEnv(r, mainContainer(dep.get()));
            String svc = props.service();
            String port = Optional.ofNullable(env.get("QUARKUS_HTTP_PORT"))
                    .orElse(props.get("quarkus.http.port").orElse(String.valueOf(HTTP_PORT)));
            if (!port.equals(String.valueOf(HTTP_PORT))) {
                v.add(svc + ": listens on " + port + " (quarkus.http.port / QUARKUS_HTTP_PORT) but the manifests "
                        + "route to " + HTTP_PORT);
            }
            // quarkus.management.enabled is fixed at build time: only application.properties decides it, and a
            // manifest's QUARKUS_MANAGEMENT_ENABLED would change nothing but mislead whoever reads it.
            if (!props.get("quarkus.management.enabled").orElse("false").equals("true")) {
                v.add(svc + ": the management interface is off (quarkus.management.enabled is not true in "
                        + "application.properties): health and metrics would answer on the API port " + HTTP_PORT
                        + ", where the manifests neither probe nor scrape them and the Ingress routes");
            }
            if (env.containsKey("QUARKUS_MANAGEMENT_ENABLED")) {
                v.add(svc + ": QUARKUS_MANAGEMENT_ENABLED in the manifests changes nothing; quarkus.management.enabled "
                        + "is fixed at build time (application.properties)");
            }
            String managementPort = Optional.ofNullable(env.get("QUARKUS_MANAGEMENT_PORT"))
                    .orElse(props.get("quarkus.management.port").orElse(String.valueOf(MANAGEMENT_PORT)));
            if (!managementPort.equals(String.valueOf(MANAGEMENT_PORT))) {
                v.add(svc + ": serves health and metrics on " + managementPort + " (quarkus.management.port, "
                        + "%prod.quarkus.management.port / QUARKUS_MANAGEMENT_PORT) but the manifests probe and scrape "
                        + MANAGEMENT_PORT);
            }
            props.get("quarkus.management.root-path")
                    .filter(p -> !p.equals("q") && !p.equals("/q"))
                    .ifPresent(p -> v.add(svc + ": quarkus.management.root-path=" + p
                            + " but the manifests use /q/health and /q/metrics"));
            props.get("quarkus.http.root-path")
                    .filter(p -> !p.equals("/"))
                    .ifPresent(p -> v.add(svc + ": quarkus.http.root-path=" + p + " but the manifests route from /"));
            props.get("quarkus.smallrye-health.root-path")
                    .filter(p -> !p.equals("health") && !p.equals("/q/health"))
                    .ifPresent(p ->
                            v.add(svc + ": quarkus.smallrye-health.root-path=" + p + " but the probes use /q/health"));
            props.get("quarkus.micrometer.export.prometheus.path")
                    .filter(p -> !p.equals("metrics") && !p.equals(METRICS_PATH))
                    .ifPresent(p -> v.add(svc + ": metrics are served at " + p + " but scraped at " + METRICS_PATH));
        }
        return v;
    }

    /**
     * Every setting a service needs from its environment (ServiceProperties#requiredFromEnvironment) is set,
     * and every connection setting that points at localhost (ServiceProperties#localhostSettings) is overridden.
     */
    public static List<String> requiredSettings(Rendered r, List<ServiceProperties> services) {
        List<String> v = new ArrayList<>();
        for (ServiceProperties props : services) {
            Optional<Deployment> dep = deployments(r).stream()
                    .filter(d -> d.getMetadata().getName().equals(props.service()))
                    .findFirst();
            if (dep.isEmpty()) {
                continue;
            }
            Set<String> names = envNames(r, mainContainer(dep.get()));
            props.localhostSettings().forEach((property, value) -> {
                if (!names.contains(ServiceProperties.envName(property))) {
                    v.add(props.service() + ": " + property + "=" + value + " points at localhost in the cluster; "
                            + "Deployment/" + props.service() + " must set " + ServiceProperties.envName(property));
                }
            });
            props.requiredFromEnvironment().forEach((property, variable) -> {
                if (!names.contains(ServiceProperties.envName(property))
                        && !names.contains(variable)
                        && !names.contains(ServiceProperties.envName(variable))) {
                    v.add(props.service() + ": " + property + " needs ${" + variable + "}, which Deployment/"
                            + props.service() + " does not set (set " + variable + " or "
                            + ServiceProperties.envName(property) + ")");
                }
            });
        }
        return v;
    }

    /** All environment variable names of a container: env, and the keys of envFrom ConfigMaps and Secrets. */
    static Set<String> envNames(Rendered r, Container c) {
        Set<String> names = new LinkedHashSet<>(plainEnv(r, c).keySet());
        Optional.ofNullable(c.getEnv()).orElse(List.of()).forEach(e -> names.add(e.getName()));
        Map<String, Set<String>> secrets = secretsProvided(r);
        for (EnvFromSource e : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (e.getSecretRef() != null && secrets.get(e.getSecretRef().getName()) != null) {
                names.addAll(secrets.get(e.getSecretRef().getName()));
            }
        }
        return names;
    }
}
