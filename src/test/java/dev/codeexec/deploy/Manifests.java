package dev.codeexec.deploy;

import static dev.codeexec.deploy.Yamls.at;
import static dev.codeexec.deploy.Yamls.map;
import static dev.codeexec.deploy.Yamls.mapAt;
import static dev.codeexec.deploy.Yamls.maps;
import static dev.codeexec.deploy.Yamls.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of Kubernetes objects (a chart render or the files of k8s/) and ways into them. */
record Manifests(List<Map<String, Object>> objects) {

    static final String SERVICE_CONTAINER = "code-exec";
    static final String DIND_CONTAINER = "dind";

    static String kind(Map<String, Object> object) {
        return string(object, "kind");
    }

    static String name(Map<String, Object> object) {
        return string(object, "metadata.name");
    }

    /** "Kind/name" of every object. */
    Set<String> kindsAndNames() {
        return objects.stream().map(o -> kind(o) + "/" + name(o)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "no " + kind + " named " + name + " among " + kindsAndNames()));
    }

    /** The one Deployment. */
    Map<String, Object> deployment() {
        List<Map<String, Object>> deployments = ofKind("Deployment");
        if (deployments.size() != 1) {
            throw new AssertionError("expected one Deployment, found " + kindsAndNames());
        }
        return deployments.get(0);
    }

    Map<String, Object> podSpec() {
        return mapAt(deployment(), "spec.template.spec");
    }

    List<Map<String, Object>> containers() {
        return maps(podSpec().get("containers"));
    }

    List<Map<String, Object>> initContainers() {
        return maps(podSpec().get("initContainers"));
    }

    /** Containers and init containers. */
    List<Map<String, Object>> allContainers() {
        List<Map<String, Object>> all = new ArrayList<>(initContainers());
        all.addAll(containers());
        return all;
    }

    List<String> containerNames() {
        return containers().stream().map(c -> (String) c.get("name")).toList();
    }

    Optional<Map<String, Object>> findContainer(String name) {
        return allContainers().stream().filter(c -> name.equals(c.get("name"))).findFirst();
    }

    Map<String, Object> container(String name) {
        return findContainer(name).orElseThrow(() -> new AssertionError(
                "no container " + name + " among " + containerNames()));
    }

    Map<String, Object> serviceContainer() {
        return container(SERVICE_CONTAINER);
    }

    /** Names of the containers whose security context says privileged: true. */
    List<String> privilegedContainers() {
        return allContainers().stream()
                .filter(c -> Boolean.TRUE.equals(at(c, "securityContext.privileged")))
                .map(c -> (String) c.get("name"))
                .toList();
    }

    /** The env entries of a container by name (value or valueFrom). */
    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Map<String, Object> entry : maps(container.get("env"))) {
            env.put((String) entry.get("name"), entry);
        }
        return env;
    }

    static String envValue(Map<String, Object> container, String name) {
        Map<String, Object> entry = env(container).get(name);
        if (entry == null) {
            throw new AssertionError("no env " + name + " in container " + container.get("name")
                    + ": " + env(container).keySet());
        }
        return (String) entry.get("value");
    }

    /** mountPath → volume name of a container's volume mounts. */
    static Map<String, Map<String, Object>> mounts(Map<String, Object> container) {
        Map<String, Map<String, Object>> mounts = new LinkedHashMap<>();
        for (Map<String, Object> mount : maps(container.get("volumeMounts"))) {
            mounts.put((String) mount.get("mountPath"), mount);
        }
        return mounts;
    }

    Map<String, Object> volume(String name) {
        return maps(podSpec().get("volumes")).stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name + " in " + podSpec().get("volumes")));
    }

    /** The volume mounted at a path of a container. */
    Map<String, Object> volumeAt(Map<String, Object> container, String mountPath) {
        Map<String, Object> mount = mounts(container).get(mountPath);
        if (mount == null) {
            throw new AssertionError("nothing mounted at " + mountPath + " in " + container.get("name"));
        }
        return volume((String) mount.get("name"));
    }

    static String probePath(Map<String, Object> container, String probe) {
        return string(container, probe + ".httpGet.path");
    }

    static Map<String, Object> securityContext(Map<String, Object> container) {
        return map(container.get("securityContext"));
    }
}
