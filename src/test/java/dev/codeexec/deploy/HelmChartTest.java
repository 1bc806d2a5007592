package dev.codeexec.deploy;

import static dev.codeexec.deploy.Manifests.env;
import static dev.codeexec.deploy.Manifests.envValue;
import static dev.codeexec.deploy.Manifests.mounts;
import static dev.codeexec.deploy.Manifests.probePath;
import static dev.codeexec.deploy.Manifests.securityContext;
import static dev.codeexec.deploy.Yamls.at;
import static dev.codeexec.deploy.Yamls.list;
import static dev.codeexec.deploy.Yamls.mapAt;
import static dev.codeexec.deploy.Yamls.maps;
import static dev.codeexec.deploy.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** helm lint and helm template of helm/code-exec, with default and non-default values. */
class HelmChartTest {

    private static final String NAME = Chart.RELEASE;

    /** Runs at once as the chart renders them into the ConfigMap (null when it leaves them to the service). */
    private static Object maxConcurrent(Map<String, String> sets, String... valuesFiles) {
        return mapAt(Chart.render(sets, valuesFiles).get("ConfigMap", NAME), "data").get("CODE_EXEC_EXECUTION_MAX_CONCURRENT");
    }

    @Test
    void runsAtOnceFollowTheEngineSidecarsCpuLimit() {
        assertEquals("4", maxConcurrent(Map.of()), "default sidecar limit: 4 CPUs, 1 per run");
        assertEquals("1", maxConcurrent(Map.of("engine.dind.resources.limits.cpu", "1500m")));
        assertEquals("3", maxConcurrent(Map.of("engine.dind.resources.limits.cpu", "3500m")));
        assertEquals("1", maxConcurrent(Map.of("engine.dind.resources.limits.cpu", "250m")), "at least one");
        assertEquals("4", maxConcurrent(Map.of("engine.dind.resources.limits.cpu", "2",
                "config.CODE_EXEC_LIMITS_CPUS", "0.5")));
        assertEquals("7", maxConcurrent(Map.of("config.CODE_EXEC_EXECUTION_MAX_CONCURRENT", "7")), "configured wins");
        assertNull(maxConcurrent(Map.of("engine.dind.resources.limits.cpu", "null")), "no limit: the service asks the engine");
        assertNull(maxConcurrent(Map.of(), "host-socket.yaml"), "the node's engine: the service asks it");
    }

    @Test
    void lintPassesStrictly() {
        assertEquals(List.of(), Chart.lintProblems());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DefaultValues {

        Manifests render;

        @BeforeAll
        void render() {
            render = Chart.render();
        }

        @Test
        void rendersTheDefaultObjectsAndNoOptionalOnes() {
            assertEquals(Set.of("ServiceAccount/" + NAME, "ConfigMap/" + NAME, "Service/" + NAME,
                    "Deployment/" + NAME, "PodDisruptionBudget/" + NAME, "NetworkPolicy/" + NAME),
                    render.kindsAndNames());
            assertTrue(render.ofKind("HorizontalPodAutoscaler").isEmpty());
            assertTrue(render.ofKind("ServiceMonitor").isEmpty());
            assertTrue(render.find("ConfigMap", NAME + "-dashboard").isEmpty());
            assertTrue(render.ofKind("Secret").isEmpty());
        }

        @Test
        void serviceContainerRunsRestricted() {
            Map<String, Object> container = render.serviceContainer();
            Map<String, Object> context = securityContext(container);
            assertEquals(true, context.get("runAsNonRoot"));
            assertEquals(185, context.get("runAsUser"));
            assertEquals(true, context.get("readOnlyRootFilesystem"));
            assertEquals(false, context.get("allowPrivilegeEscalation"));
            assertEquals(List.of("ALL"), at(context, "capabilities.drop"));
            assertNull(at(context, "capabilities.add"));
            assertEquals("RuntimeDefault", string(context, "seccompProfile.type"));
            assertNull(context.get("privileged"));
            assertEquals("code-exec:0.1.0", container.get("image"));
            assertEquals("IfNotPresent", container.get("imagePullPolicy"));
        }

        @Test
        void jvmGetsAWritableTmp() {
            Map<String, Object> tmp = render.volumeAt(render.serviceContainer(), "/tmp");
            assertNotNull(tmp.get("emptyDir"), "/tmp must be an emptyDir: " + tmp);
        }

        @Test
        void servesHttpOn8080() {
            List<Map<String, Object>> ports = maps(render.serviceContainer().get("ports"));
            assertEquals(1, ports.size());
            assertEquals("http", ports.get(0).get("name"));
            assertEquals(8080, ports.get(0).get("containerPort"));
        }

        @Test
        void probesUseTheHealthEndpoints() {
            Map<String, Object> container = render.serviceContainer();
            assertEquals("/q/health/live", probePath(container, "livenessProbe"));
            assertEquals("/q/health/ready", probePath(container, "readinessProbe"));
            assertEquals("/q/health/started", probePath(container, "startupProbe"));
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertEquals("http", string(container, probe + ".httpGet.port"), probe);
            }
            int period = (Integer) at(container, "startupProbe.periodSeconds");
            int failures = (Integer) at(container, "startupProbe.failureThreshold");
            assertTrue(period * failures >= 600, "startup must be allowed ~10 minutes, is " + period * failures + " s");
        }

        @Test
        void dindSidecarIsTheOnlyPrivilegedContainer() {
            Map<String, Object> dind = render.container(Manifests.DIND_CONTAINER);
            assertEquals("docker:27-dind", dind.get("image"));
            assertEquals(true, at(dind, "securityContext.privileged"));
            assertEquals(List.of(Manifests.DIND_CONTAINER), render.privilegedContainers());
            assertEquals(List.of(Manifests.DIND_CONTAINER, Manifests.SERVICE_CONTAINER), render.containerNames(),
                    "the engine starts first (its postStart hook holds the service back until dockerd answers)");
            assertNotNull(at(dind, "lifecycle.postStart.exec.command"));
        }

        @Test
        void dindListensOnTheLoopbackOnlyWithoutTls() {
            Map<String, Object> dind = render.container(Manifests.DIND_CONTAINER);
            List<Object> args = list(dind.get("args"));
            assertEquals("dockerd", args.get(0), "dockerd named explicitly, else the entrypoint adds 0.0.0.0:2375");
            assertTrue(args.contains("--host=tcp://127.0.0.1:2375"), args.toString());
            assertTrue(args.contains("--tls=false"), args.toString());
            assertTrue(args.stream().noneMatch(a -> a.toString().contains("0.0.0.0")), args.toString());
            assertEquals("", envValue(dind, "DOCKER_TLS_CERTDIR"));
            assertNull(dind.get("ports"), "the engine port must not be declared");
        }

        @Test
        void dindStorageIsAnEmptyDirWithASizeLimit() {
            Map<String, Object> dind = render.container(Manifests.DIND_CONTAINER);
            Map<String, Object> storage = render.volumeAt(dind, "/var/lib/docker");
            assertEquals("10Gi", string(storage, "emptyDir.sizeLimit"));
            assertNotNull(dind.get("resources"));
        }

        @Test
        void serviceEnvironment() {
            Map<String, Object> container = render.serviceContainer();
            assertEquals("tcp://localhost:2375", envValue(container, "DOCKER_HOST"));
            assertEquals("metadata.name",
                    string(env(container).get("CODE_EXEC_DOCKER_INSTANCE_ID"), "valueFrom.fieldRef.fieldPath"));
            assertFalse(env(container).containsKey("CODE_EXEC_API_KEYS"));
            assertFalse(env(container).containsKey("DOCKER_TLS_VERIFY"));
            List<Map<String, Object>> envFrom = maps(container.get("envFrom"));
            assertEquals(List.of(NAME), envFrom.stream().map(e -> string(e, "configMapRef.name")).toList());
        }

        @Test
        void configMapCarriesTheServiceSettingsAsEnvironmentVariables() {
            Map<String, Object> data = mapAt(render.get("ConfigMap", NAME), "data");
            assertEquals("3s", data.get("CODE_EXEC_LIMITS_TIMEOUT"));
            assertEquals("128M", data.get("CODE_EXEC_LIMITS_MEMORY"));
            for (String key : List.of("CODE_EXEC_EXECUTION_MAX_CONCURRENT", "CODE_EXEC_EXECUTION_QUEUE",
                    "CODE_EXEC_RATE_LIMIT_ENABLED", "CODE_EXEC_RATE_LIMIT_REQUESTS_PER_MINUTE", "CODE_EXEC_POOL_ENABLED")) {
                assertTrue(data.get(key) instanceof String, key + " must be a string: " + data);
            }
        }

        @Test
        void podSpecDefaults() {
            Map<String, Object> pod = render.podSpec();
            assertEquals(40, pod.get("terminationGracePeriodSeconds"));
            assertEquals(false, pod.get("automountServiceAccountToken"));
            assertEquals(false, pod.get("enableServiceLinks"));
            assertEquals(NAME, pod.get("serviceAccountName"));
            assertEquals(false, render.get("ServiceAccount", NAME).get("automountServiceAccountToken"));
            assertEquals(1, at(render.deployment(), "spec.replicas"));
            Map<String, Object> annotations = mapAt(render.deployment(), "spec.template.metadata.annotations");
            assertEquals("true", annotations.get("prometheus.io/scrape"));
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
            assertEquals("8080", annotations.get("prometheus.io/port"));
            assertNull(pod.get("nodeSelector"));
            assertNull(pod.get("tolerations"));
        }

        @Test
        void serviceSendsPort80ToHttp() {
            Map<String, Object> service = render.get("Service", NAME);
            assertEquals("ClusterIP", string(service, "spec.type"));
            Map<String, Object> port = maps(at(service, "spec.ports")).get(0);
            assertEquals(80, port.get("port"));
            assertEquals("http", port.get("targetPort"));
            assertSelectsThePods(mapAt(service, "spec.selector"));
        }

        @Test
        void disruptionBudgetKeepsOnePod() {
            Map<String, Object> pdb = render.get("PodDisruptionBudget", NAME);
            assertEquals(1, at(pdb, "spec.minAvailable"));
            assertSelectsThePods(mapAt(pdb, "spec.selector.matchLabels"));
        }

        @Test
        void networkPolicyOpensOnly8080AndEgressForDnsAndProvisioning() {
            Map<String, Object> policy = render.get("NetworkPolicy", NAME);
            assertSelectsThePods(mapAt(policy, "spec.podSelector.matchLabels"));
            assertEquals(List.of("Ingress", "Egress"), at(policy, "spec.policyTypes"));
            List<Map<String, Object>> ingress = maps(at(policy, "spec.ingress"));
            assertEquals(1, ingress.size());
            assertEquals(List.of(Map.of("port", 8080, "protocol", "TCP")), ingress.get(0).get("ports"));
            assertNull(ingress.get(0).get("from"), "default: any source");
            assertEquals(Set.of("UDP/53", "TCP/53", "TCP/80", "TCP/443"), egressPorts(policy));
        }

        void assertSelectsThePods(Map<String, Object> selector) {
            Map<String, Object> podLabels = mapAt(render.deployment(), "spec.template.metadata.labels");
            assertFalse(selector.isEmpty());
            selector.forEach((key, value) -> assertEquals(value, podLabels.get(key), "pod label " + key));
            assertEquals(selector, mapAt(render.deployment(), "spec.selector.matchLabels"));
        }
    }

    @Test
    void hostSocketModeMountsTheNodeSocketWithoutAnyPrivilegedContainer() {
        Manifests render = Chart.render("host-socket.yaml");
        assertEquals(List.of(Manifests.SERVICE_CONTAINER), render.containerNames());
        assertEquals(List.of(), render.privilegedContainers());
        Map<String, Object> container = render.serviceContainer();
        assertEquals("unix:///var/run/docker.sock", envValue(container, "DOCKER_HOST"));
        Map<String, Object> socket = render.volumeAt(container, "/var/run/docker.sock");
        assertEquals("/run/docker.sock", string(socket, "hostPath.path"));
        assertEquals("Socket", string(socket, "hostPath.type"));
        assertEquals(List.of(998), at(render.podSpec(), "securityContext.supplementalGroups"));
        assertEquals(true, at(container, "securityContext.runAsNonRoot"));
        assertFalse(mounts(container).containsKey("/var/lib/docker"));
        assertEquals(Set.of("UDP/53", "TCP/53"), egressPorts(render.get("NetworkPolicy", NAME)));
    }

    @Test
    void remoteModeUsesTlsFilesFromASecret() {
        Manifests render = Chart.render("remote.yaml");
        assertEquals(List.of(Manifests.SERVICE_CONTAINER), render.containerNames());
        assertEquals(List.of(), render.privilegedContainers());
        Map<String, Object> container = render.serviceContainer();
        assertEquals("tcp://docker.example:2376", envValue(container, "DOCKER_HOST"));
        assertEquals("1", envValue(container, "DOCKER_TLS_VERIFY"));
        assertEquals("/certs", envValue(container, "DOCKER_CERT_PATH"));
        assertEquals(true, mounts(container).get("/certs").get("readOnly"));
        Map<String, Object> certs = render.volumeAt(container, "/certs");
        assertEquals("docker-client-tls", string(certs, "secret.secretName"));
        assertEquals(List.of("ca.pem", "cert.pem", "key.pem"),
                maps(at(certs, "secret.items")).stream().map(i -> i.get("key")).toList());
        Map<String, Object> policy = render.get("NetworkPolicy", NAME);
        assertEquals(Set.of("UDP/53", "TCP/53", "TCP/2376"), egressPorts(policy));
        Map<String, Object> engineRule = maps(at(policy, "spec.egress")).stream()
                .filter(rule -> rule.containsKey("to")).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("ipBlock", Map.of("cidr", "10.20.0.0/16"))), engineRule.get("to"));
    }

    @Test
    void remoteModeRequiresHostAndTlsSecret() {
        assertThrows(RuntimeException.class, () -> Chart.templateText(Map.of("engine.mode", "remote")));
        assertThrows(RuntimeException.class, () -> Chart.templateText(
                Map.of("engine.mode", "remote", "engine.remote.host", "tcp://docker.example:2376")));
    }

    @Test
    void aNumericImageTagRendersAsItself() {
        assertEquals("code-exec:2", Chart.render(Map.of("image.tag", "2")).serviceContainer().get("image"));
        assertEquals("code-exec:1.5", Chart.render(Map.of("image.tag", "1.5")).serviceContainer().get("image"));
    }

    /**
     * The chart passes the dind sidecar "dockerd ..." (what the official docker:dind image takes); the
     * project's own dind image (src/test/dind) must start the same dockerd from those arguments. Its
     * last step runs here with a stand-in dockerd on PATH that prints what it was given.
     */
    @Test
    void theChartsDindArgumentsStartDockerdInTheProjectsDindImage() throws Exception {
        List<String> chartArgs = list(Chart.render().container(Manifests.DIND_CONTAINER).get("args")).stream()
                .map(Object::toString).toList();
        java.nio.file.Path bin = Files.createTempDirectory("fake-dockerd");
        java.nio.file.Path fake = bin.resolve("dockerd");
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        fake.toFile().setExecutable(true);
        List<String> command = new java.util.ArrayList<>(List.of("sh", "src/test/dind/exec-dockerd.sh"));
        command.addAll(chartArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("DIND_STORAGE_DRIVER", "overlay2");
        Process process = builder.start();
        List<String> got = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, process.waitFor(), got.toString());
        List<String> expected = new java.util.ArrayList<>(List.of("--storage-driver=overlay2", "--default-runtime=runc"));
        expected.addAll(chartArgs.subList(1, chartArgs.size()));
        assertEquals("dockerd", chartArgs.get(0));
        assertEquals(expected, got, "dockerd's arguments: the chart's, without the leading dockerd, plus defaults it left out");
        assertEquals(1, got.stream().filter(a -> a.startsWith("--host=tcp://")).count(), got.toString());
    }

    @Test
    void runtimeImagesFromARegistryArePulledNotBuilt() {
        Map<String, Object> container = Chart.render(Map.of("runtimeImages.repository", "registry.example.com/code-exec",
                "runtimeImages.languages", "python,c")).serviceContainer();
        assertEquals("registry.example.com/code-exec", envValue(container, "CODE_EXEC_IMAGES_REPOSITORY"));
        assertEquals("true", envValue(container, "CODE_EXEC_IMAGES_PULL"));
        assertEquals("false", envValue(container, "CODE_EXEC_IMAGES_BUILD"));
        assertEquals("python,c", envValue(container, "CODE_EXEC_LANGUAGES_ENABLED"));
        Map<String, Object> byDefault = Chart.render().serviceContainer();
        assertFalse(env(byDefault).containsKey("CODE_EXEC_IMAGES_REPOSITORY"), "by default the engine builds");
        assertFalse(env(byDefault).containsKey("CODE_EXEC_LANGUAGES_ENABLED"));
    }

    @Test
    void extraPackagesPerLanguageBecomeTheServicesSetting() {
        Map<String, Object> container = Chart.render("extra-packages.yaml").serviceContainer();
        assertEquals("python3-requests,python3-bs4", envValue(container, "CODE_EXEC_LANGUAGES_PYTHON_PACKAGES"));
        assertEquals("r-cran-stringr", envValue(container, "CODE_EXEC_LANGUAGES_R_PACKAGES"));
        assertTrue(env(Chart.render().serviceContainer()).keySet().stream().noneMatch(k -> k.endsWith("_PACKAGES")));
        RuntimeException notAList = assertThrows(RuntimeException.class,
                () -> Chart.templateText(Map.of("runtimeImages.packages.python", "python3-requests")));
        assertTrue(notAList.getMessage().contains("must be a list"), notAList.getMessage());
        RuntimeException notALanguage = assertThrows(RuntimeException.class,
                () -> Chart.templateText(Map.of("runtimeImages.packages.Py_thon", "x")));
        assertTrue(notALanguage.getMessage().contains("is not a language id"), notALanguage.getMessage());
    }

    @Test
    void unknownEngineModeIsRejected() {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> Chart.templateText(Map.of("engine.mode", "podman")));
        assertTrue(error.getMessage().contains("engine.mode"), error.getMessage());
    }

    @Test
    void configKeysMustBeEnvironmentVariableNames() {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> Chart.templateText(Map.of("config.code-exec\\.limits\\.timeout", "5s")));
        assertTrue(error.getMessage().contains("is not an environment variable name"), error.getMessage());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OptionalObjects {

        Manifests render;

        @BeforeAll
        void render() {
            render = Chart.render("optional-objects.yaml");
        }

        @Test
        void autoscalerTargetsTheDeploymentOnCpu() {
            Map<String, Object> hpa = render.get("HorizontalPodAutoscaler", NAME);
            assertEquals("autoscaling/v2", hpa.get("apiVersion"));
            assertEquals("Deployment", string(hpa, "spec.scaleTargetRef.kind"));
            assertEquals(NAME, string(hpa, "spec.scaleTargetRef.name"));
            assertEquals(2, at(hpa, "spec.minReplicas"));
            assertEquals(7, at(hpa, "spec.maxReplicas"));
            Map<String, Object> metric = maps(at(hpa, "spec.metrics")).get(0);
            assertEquals("cpu", string(metric, "resource.name"));
            assertEquals(65, at(metric, "resource.target.averageUtilization"));
            assertNull(at(render.deployment(), "spec.replicas"), "the autoscaler owns the replica count");
        }

        @Test
        void serviceMonitorScrapesMetrics() {
            Map<String, Object> monitor = render.get("ServiceMonitor", NAME);
            assertEquals("monitoring.coreos.com/v1", monitor.get("apiVersion"));
            assertEquals("prometheus", string(monitor, "metadata.labels.release"));
            Map<String, Object> endpoint = maps(at(monitor, "spec.endpoints")).get(0);
            assertEquals("http", endpoint.get("port"));
            assertEquals("/q/metrics", endpoint.get("path"));
            assertEquals("15s", endpoint.get("interval"));
            Map<String, Object> serviceLabels = mapAt(render.get("Service", NAME), "metadata.labels");
            mapAt(monitor, "spec.selector.matchLabels")
                    .forEach((key, value) -> assertEquals(value, serviceLabels.get(key), "Service label " + key));
        }

        @Test
        void dashboardConfigMapCarriesTheChartsJson() throws Exception {
            Map<String, Object> dashboard = render.get("ConfigMap", NAME + "-dashboard");
            assertEquals("1", string(dashboard, "metadata.labels.grafana_dashboard"));
            Map<String, Object> data = mapAt(dashboard, "data");
            assertEquals(Set.of("code-exec-dashboard.json"), data.keySet());
            ObjectMapper json = new ObjectMapper();
            JsonNode rendered = json.readTree((String) data.get("code-exec-dashboard.json"));
            JsonNode file = json.readTree(Files.readString(Chart.DIR.resolve("dashboards/code-exec-dashboard.json")));
            assertEquals(file, rendered);
            assertEquals("code-exec", rendered.path("title").asText());
        }

        @Test
        void apiKeysGoToASecretAndIntoTheEnvironment() {
            Map<String, Object> secret = render.get("Secret", NAME + "-api-keys");
            String encoded = string(secret, "data.api-keys");
            assertEquals("key-one,key-two", new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
            Map<String, Object> ref = env(render.serviceContainer()).get("CODE_EXEC_API_KEYS");
            assertNotNull(ref, "CODE_EXEC_API_KEYS missing");
            assertEquals(NAME + "-api-keys", string(ref, "valueFrom.secretKeyRef.name"));
            assertEquals("api-keys", string(ref, "valueFrom.secretKeyRef.key"));
        }

        @Test
        void schedulingConstraintsAreRendered() {
            assertEquals(Map.of("dedicated", "code-exec"), render.podSpec().get("nodeSelector"));
            assertEquals(List.of(Map.of("key", "dedicated", "operator", "Equal", "value", "code-exec",
                    "effect", "NoSchedule")), render.podSpec().get("tolerations"));
        }
    }

    @Test
    void existingApiKeySecretIsReferencedNotCreated() {
        Manifests render = Chart.render(Map.of("apiKeys.existingSecret", "my-keys", "apiKeys.secretKey", "keys"));
        assertTrue(render.ofKind("Secret").isEmpty());
        Map<String, Object> ref = env(render.serviceContainer()).get("CODE_EXEC_API_KEYS");
        assertNotNull(ref, "CODE_EXEC_API_KEYS missing");
        assertEquals("my-keys", string(ref, "valueFrom.secretKeyRef.name"));
        assertEquals("keys", string(ref, "valueFrom.secretKeyRef.key"));
    }

    @Test
    void baseImageInitSeedsTheEngineThroughTheKubelet() {
        Manifests render = Chart.render("base-image-init.yaml");
        Map<String, Object> init = render.container("base-image");
        assertEquals("registry.example/mirror/debian:bookworm-slim", init.get("image"));
        assertEquals(List.of(Manifests.DIND_CONTAINER), render.privilegedContainers());
        Map<String, Object> dind = render.container(Manifests.DIND_CONTAINER);
        assertEquals("debian:bookworm-slim", envValue(dind, "BASE_IMAGE_TARGET"));
        assertEquals(render.volumeAt(init, "/seed"), render.volumeAt(dind, "/seed"));
        String postStart = list(at(dind, "lifecycle.postStart.exec.command")).toString();
        assertTrue(postStart.contains("docker import"), postStart);
    }

    @Test
    void everyValueIsDocumentedInValuesYamlAndTheReadme() throws Exception {
        ValuesDocumentation docs = ValuesDocumentation.read(Chart.DIR.resolve("values.yaml"));
        assertEquals(List.of(), docs.undocumentedLeaves(), "values without a '# --' comment");
        String readme = Files.readString(Chart.DIR.resolve("README.md"));
        List<String> missing = docs.documentedKeys().stream().filter(key -> !readme.contains("| `" + key + "` |")).toList();
        assertEquals(List.of(), missing, "values missing from the README's table");
        assertTrue(docs.documentedKeys().containsAll(List.of("engine.mode", "engine.dind.baseImageInit.enabled",
                "apiKeys.existingSecret", "apiKeys.keys", "terminationGracePeriodSeconds")));
    }

    /** "PROTOCOL/port" of every egress rule of a NetworkPolicy. */
    static Set<String> egressPorts(Map<String, Object> policy) {
        return maps(at(policy, "spec.egress")).stream()
                .flatMap(rule -> maps(rule.get("ports")).stream())
                .map(port -> port.get("protocol") + "/" + port.get("port"))
                .collect(Collectors.toSet());
    }
}
