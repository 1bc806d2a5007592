package dev.codeexec.deploy;

import static dev.codeexec.deploy.Manifests.env;
import static dev.codeexec.deploy.Manifests.kind;
import static dev.codeexec.deploy.Manifests.name;
import static dev.codeexec.deploy.Manifests.probePath;
import static dev.codeexec.deploy.Manifests.securityContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain manifests in k8s/ are the chart's default render (release code-exec) minus Helm's own
 * labels. After a chart change, regenerate them:
 * {@code ./mvnw -B -q test -Dtest=K8sManifestsTest -Dk8s.regenerate=true}.
 */
class K8sManifestsTest {

    static final Path DIR = Path.of("k8s");
    /** Labels that only make sense on objects Helm manages. */
    static final List<String> HELM_LABELS = List.of("helm.sh/chart", "app.kubernetes.io/managed-by");
    static final String HEADER = """
            # Generated from helm/code-exec with default values and release name code-exec
            # (helm template code-exec helm/code-exec, minus Helm's own labels). Do not edit by hand:
            # change the chart, then run
            #   ./mvnw -B -q test -Dtest=K8sManifestsTest -Dk8s.regenerate=true
            """;

    static Manifests chart;
    static Manifests files;

    @BeforeAll
    static void load() throws IOException {
        String render = Chart.templateText();
        if (Boolean.getBoolean("k8s.regenerate")) {
            write(render);
        }
        chart = new Manifests(Yamls.parseAll(render));
        files = new Manifests(readFiles());
    }

    @Test
    void everyFileHoldsKubernetesObjects() throws IOException {
        List<Path> yamlFiles = yamlFiles();
        assertFalse(yamlFiles.isEmpty(), "no manifests in " + DIR.toAbsolutePath());
        for (Path file : yamlFiles) {
            List<Map<String, Object>> objects = Yamls.parseAll(Files.readString(file));
            assertFalse(objects.isEmpty(), file + " holds no object");
            for (Map<String, Object> object : objects) {
                assertNotNull(object.get("apiVersion"), file + ": apiVersion");
                assertNotNull(kind(object), file + ": kind");
                assertNotNull(name(object), file + ": metadata.name");
                assertNull(Yamls.at(object, "metadata.namespace"), file + ": namespace comes from kubectl -n");
            }
        }
        assertTrue(Files.isRegularFile(DIR.resolve("README.md")), "k8s/README.md");
    }

    @Test
    void sameObjectsAsTheChart() {
        assertEquals(chart.kindsAndNames(), files.kindsAndNames());
    }

    @Test
    void sameImages() {
        assertEquals(perContainer(chart, c -> c.get("image")), perContainer(files, c -> c.get("image")));
        assertEquals("code-exec:0.1.0", files.serviceContainer().get("image"));
        assertEquals("docker:27-dind", files.container(Manifests.DIND_CONTAINER).get("image"));
    }

    @Test
    void sameProbes() {
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals(perContainer(chart, c -> probePath(c, probe)), perContainer(files, c -> probePath(c, probe)), probe);
            assertEquals(chart.serviceContainer().get(probe), files.serviceContainer().get(probe), probe);
        }
        assertEquals("/q/health/ready", probePath(files.serviceContainer(), "readinessProbe"));
    }

    @Test
    void sameSecurityContexts() {
        assertEquals(perContainer(chart, Manifests::securityContext), perContainer(files, Manifests::securityContext));
        assertEquals(true, securityContext(files.serviceContainer()).get("readOnlyRootFilesystem"));
        assertEquals(List.of(Manifests.DIND_CONTAINER), files.privilegedContainers());
        assertEquals(chart.podSpec().get("securityContext"), files.podSpec().get("securityContext"));
    }

    @Test
    void sameEnvironment() {
        assertEquals(perContainer(chart, c -> List.copyOf(env(c).keySet())),
                perContainer(files, c -> List.copyOf(env(c).keySet())));
        assertEquals("tcp://localhost:2375", Manifests.envValue(files.serviceContainer(), "DOCKER_HOST"));
        assertEquals(chart.get("ConfigMap", Chart.RELEASE).get("data"), files.get("ConfigMap", Chart.RELEASE).get("data"));
    }

    @Test
    void sameObjectsInFullApartFromHelmLabels() {
        Map<String, Object> expected = byKindAndName(chart);
        Map<String, Object> actual = byKindAndName(files);
        expected.forEach((key, object) -> assertEquals(object, actual.get(key),
                key + " differs from the chart's render; regenerate k8s/ (see K8sManifestsTest)"));
        files.objects().forEach(object -> assertEquals(
                object, Yamls.withoutLabels(object, HELM_LABELS), name(object) + " carries Helm's labels"));
    }

    static Map<String, Object> byKindAndName(Manifests manifests) {
        Map<String, Object> objects = new TreeMap<>();
        manifests.objects().forEach(o -> objects.put(kind(o) + "/" + name(o), Yamls.withoutLabels(o, HELM_LABELS)));
        return objects;
    }

    /** Container name → a property of it, over containers and init containers. */
    static Map<String, Object> perContainer(Manifests manifests, Function<Map<String, Object>, Object> property) {
        Map<String, Object> values = new LinkedHashMap<>();
        manifests.allContainers().forEach(c -> values.put((String) c.get("name"), property.apply(c)));
        return values;
    }

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> paths = Files.list(DIR)) {
            return paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static List<Map<String, Object>> readFiles() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Path file : yamlFiles()) {
            objects.addAll(Yamls.parseAll(Files.readString(file)));
        }
        return objects;
    }

    /** Writes each template's part of the render to k8s/<template file name>, without Helm's labels. */
    static void write(String render) throws IOException {
        Map<String, StringBuilder> byFile = new TreeMap<>();
        StringBuilder current = null;
        for (String line : render.split("\n", -1)) {
            if (line.startsWith("# Source: ")) {
                String file = Path.of(line.substring("# Source: ".length()).strip()).getFileName().toString();
                current = byFile.computeIfAbsent(file, f -> new StringBuilder());
                if (!current.isEmpty()) {
                    current.append("---\n");
                }
                continue;
            }
            if (current == null || line.equals("---") || isHelmLabel(line)) {
                continue;
            }
            current.append(line).append('\n');
        }
        try (Stream<Path> old = Files.list(DIR)) {
            for (Path file : old.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, StringBuilder> file : byFile.entrySet()) {
            String body = file.getValue().toString().stripTrailing() + "\n";
            Files.writeString(DIR.resolve(file.getKey()), HEADER + body);
        }
        assertEquals(byFile.keySet().stream().sorted().toList(),
                yamlFiles().stream().map(p -> p.getFileName().toString()).toList());
    }

    static boolean isHelmLabel(String line) {
        String trimmed = line.strip();
        return HELM_LABELS.stream().anyMatch(label -> trimmed.startsWith(label + ":"));
    }
}
