package dev.codeexec.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * What a native build needs from docker-java, checked here because no GraalVM toolchain can run
 * on our machines: Jackson-serialized model classes registered for reflection, the right classes
 * initialised at run time, Brotli on the class path, the runtime images' sources, the seccomp
 * profile and the REPL kernels included as resources, and the unix socket reached through the JDK
 * rather than JNA.
 */
class NativeReadinessTest {

    private static final String CONFIG = "META-INF/native-image/dev.codeexec/code-exec/reflect-config.json";
    private static final List<String> MODEL_PACKAGES = List.of(
            "com/github/dockerjava/api/model/", "com/github/dockerjava/api/command/", "com/github/dockerjava/core/command/");

    private static Set<String> registered() throws Exception {
        try (InputStream in = NativeReadinessTest.class.getClassLoader().getResourceAsStream(CONFIG)) {
            JsonNode json = new ObjectMapper().readTree(in);
            Set<String> names = new TreeSet<>();
            json.forEach(entry -> names.add(entry.get("name").asText()));
            return names;
        }
    }

    private static Set<String> modelClassesOnTheClassPath() throws Exception {
        Set<String> classes = new TreeSet<>();
        for (Class<?> anchor : List.of(com.github.dockerjava.api.model.Frame.class,
                com.github.dockerjava.core.command.CreateContainerCmdImpl.class)) {
            File jar = new File(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarFile file = new JarFile(jar)) {
                file.stream().map(e -> e.getName())
                        .filter(n -> n.endsWith(".class") && !n.endsWith("package-info.class"))
                        .filter(n -> MODEL_PACKAGES.stream().anyMatch(p -> n.startsWith(p) && n.indexOf('/', p.length()) < 0))
                        .forEach(n -> classes.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        }
        return classes;
    }

    @Test
    void everyDockerJavaModelClassIsRegisteredForReflection() throws Exception {
        Set<String> missing = modelClassesOnTheClassPath();
        assertTrue(missing.size() > 300, "found only " + missing.size() + " model classes");
        missing.removeAll(registered());
        assertEquals(Set.of(), missing, "add these to " + CONFIG + " (e.g. after a docker-java upgrade)");
    }

    @Test
    void everyDockerJavaClassTheServiceUsesIsRegistered() throws Exception {
        Set<String> registered = registered();
        List<String> missing = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.codeexec.sandbox.docker")) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getName();
                boolean model = MODEL_PACKAGES.stream()
                        .anyMatch(p -> target.startsWith(p.replace('/', '.')) && target.indexOf('.', p.length()) < 0);
                if (model && !registered.contains(target)) {
                    missing.add(target + " (used by " + c.getSimpleName() + ")");
                }
            }
        }
        assertEquals(List.of(), missing.stream().distinct().sorted().collect(Collectors.toList()));
    }

    @Test
    void nativeBuildSettingsAreInPlace() throws Exception {
        Properties props = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            props.load(in);
        }
        String args = props.getProperty("quarkus.native.additional-build-args");
        assertTrue(args.contains("--initialize-at-run-time=com.github.dockerjava.transport.NamedPipeSocket$Kernel32"), args);
        assertTrue(args.contains("org.apache.hc.client5.http.impl.auth"), args);
        assertEquals("runtimes/**,seccomp/**,kernels/**", props.getProperty("quarkus.native.resources.includes"));
        assertTrue(registered().contains("java.net.UnixDomainSocketAddress"), "the JDK unix socket is looked up reflectively");
        Class.forName("org.brotli.dec.BrotliInputStream");
        for (String resource : List.of("runtimes/index.txt", "runtimes/base/launcher/main.c", "runtimes/base/Dockerfile", "runtimes/python/Dockerfile", "runtimes/python/language.json",
                "runtimes/javascript/Dockerfile", "runtimes/ruby/Dockerfile", "seccomp/sandbox.json")) {
            assertTrue(getClass().getClassLoader().getResource(resource) != null, resource + " is not bundled");
        }
    }

    static boolean localSocket() {
        return Files.isWritable(Path.of("/var/run/docker.sock"));
    }

    @Test
    @EnabledIf("localSocket")
    void theUnixSocketIsTheJdksNotJna() throws Exception {
        try (Socket socket = com.github.dockerjava.transport.UnixSocket.get("/var/run/docker.sock")) {
            assertEquals("com.github.dockerjava.transport.UnixSocket", socket.getClass().getName(),
                    "docker-java fell back to its JNA socket");
        }
    }
}
