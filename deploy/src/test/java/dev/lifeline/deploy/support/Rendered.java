package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One rendered overlay: the objects `kubectl kustomize overlays/NAME` prints, plus the Secret
 * templates of overlays/NAME/secret-templates (Secrets created out of band, never applied by the overlay).
 */
public record Rendered(String name, List<ObjectNode> objects, List<ObjectNode> secretTemplates) {

    public static Path deployDir() {
        return Path.of(System.getProperty("lifeline.deploy.dir", "."))
                .toAbsolutePath()
                .normalize();
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("lifeline.project.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    public static String projectVersion() {
        return System.getProperty("lifeline.project.version", "0.1.0-SNAPSHOT");
    }

    /** The overlays, by directory name under deploy/overlays. */
    public static List<String> overlayNames() {
        try (Stream<Path> s = Files.list(deployDir().resolve("overlays"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Rendered overlay(String name) {
        return render(deployDir().resolve("overlays").resolve(name), name, true);
    }

    /** Renders any overlay directory, e.g. a changed copy of the tree. */
    public static Rendered render(Path overlayDir, String name, boolean cached) {
        String yaml = cached ? Kubectl.kustomize(overlayDir) : Kubectl.kustomizeUncached(overlayDir);
        List<ObjectNode> templates = List.of();
        Path t = overlayDir.resolve("secret-templates");
        if (Files.isRegularFile(t.resolve("kustomization.yaml"))) {
            templates = Json.readYamlDocuments(cached ? Kubectl.kustomize(t) : Kubectl.kustomizeUncached(t));
        }
        return new Rendered(name, List.copyOf(Json.readYamlDocuments(yaml)), List.copyOf(templates));
    }

    /** A deep copy that a test may change. */
    public Rendered copy() {
        List<ObjectNode> o = new ArrayList<>();
        objects.forEach(n -> o.add(n.deepCopy()));
        List<ObjectNode> t = new ArrayList<>();
        secretTemplates.forEach(n -> t.add(n.deepCopy()));
        return new Rendered(name, o, t);
    }

    public Stream<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(Json.text(o, "kind")));
    }

    public Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind)
                .filter(o -> name.equals(Json.text(o, "metadata", "name")))
                .findFirst();
    }

    public ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + ": no " + kind + "/" + name));
    }

    public <T> List<T> typed(String kind, Class<T> type) {
        return ofKind(kind).map(o -> Json.TREE.convertValue(o, type)).toList();
    }

    public static String id(ObjectNode o) {
        return Json.text(o, "kind") + "/" + Json.text(o, "metadata", "name");
    }
}
