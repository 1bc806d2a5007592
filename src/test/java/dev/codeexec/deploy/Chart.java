package dev.codeexec.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The Helm chart under helm/code-exec, rendered through the helm library bundled by helm-java. */
final class Chart {

    static final Path DIR = Path.of("helm", "code-exec");
    static final Path VALUES_FILES = Path.of("src", "test", "resources", "deploy");
    /** The release name the plain manifests in k8s/ are rendered with. */
    static final String RELEASE = "code-exec";
    /** helm's library defaults to Kubernetes 1.20, below the chart's kubeVersion (>=1.23). */
    static final String KUBE_VERSION = "1.30.0";

    private Chart() {
    }

    /** helm template code-exec helm/code-exec [-f file]... , as text. */
    static String templateText(String... valuesFiles) {
        return templateText(Map.of(), valuesFiles);
    }

    /** helm template code-exec helm/code-exec [--set k=v]... [-f file]..., as text. */
    static String templateText(Map<String, String> sets, String... valuesFiles) {
        TemplateCommand command = new Helm(DIR).template().withName(RELEASE).withKubeVersion(KUBE_VERSION);
        for (String file : valuesFiles) {
            command = command.withValuesFile(VALUES_FILES.resolve(file));
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    /** The rendered objects. */
    static Manifests render(String... valuesFiles) {
        return new Manifests(Yamls.parseAll(templateText(valuesFiles)));
    }

    static Manifests render(Map<String, String> sets, String... valuesFiles) {
        return new Manifests(Yamls.parseAll(templateText(sets, valuesFiles)));
    }

    /** Messages of helm lint --strict; empty list means clean apart from INFO notes. */
    static List<String> lintProblems() {
        var result = new Helm(DIR).lint().strict().call();
        List<String> problems = result.getMessages().stream().filter(m -> !m.startsWith("[INFO]")).toList();
        if (result.isFailed() && problems.isEmpty()) {
            return List.of("lint failed: " + result.getMessages());
        }
        return problems;
    }
}
